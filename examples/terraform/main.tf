# The configuration plan.json describes; plan.json is written by hand (see README.md).
data "archive_file" "api" {
  type        = "zip"
  source_dir  = "${path.module}/src/api"
  output_path = "${path.module}/build/api.zip"
}

data "archive_file" "deps" {
  type        = "zip"
  source_dir  = "${path.module}/layer"
  output_path = "${path.module}/build/deps.zip"
}

resource "aws_lambda_layer_version" "deps" {
  layer_name          = "deps"
  filename            = data.archive_file.deps.output_path
  compatible_runtimes = ["python3.12"]
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "handler.main"
  runtime       = "python3.12"
  architectures = ["arm64"]
  filename      = data.archive_file.api.output_path
  layers        = [aws_lambda_layer_version.deps.arn]
}
