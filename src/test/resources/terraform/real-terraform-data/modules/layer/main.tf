variable "name" { type = string }
resource "terraform_data" "this" {
  input = "${path.module}/${var.name}.zip"
}
output "arn" { value = terraform_data.this.id }
