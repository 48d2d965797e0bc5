variable "name" {
  type = string
}

data "archive_file" "this" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/build/${var.name}.zip"
}

resource "aws_lambda_layer_version" "this" {
  layer_name = var.name
  filename   = data.archive_file.this.output_path
}

output "arn" {
  value = aws_lambda_layer_version.this.arn
}
