variable "layer_arn" {
  type    = string
  default = "arn:aws:lambda:eu-west-1:123456789012:layer:numpy:3"
}
resource "terraform_data" "layer" {
  input = "layer.zip"
}
module "shared" {
  source = "./modules/layer"
  name   = "shared"
}
resource "terraform_data" "fn" {
  input = {
    filename = "${path.module}/build/fn.zip"
    layers   = [terraform_data.layer.id, var.layer_arn, module.shared.arn]
  }
}
