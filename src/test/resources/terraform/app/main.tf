# The configuration plan.json describes (for reading; the AWS provider cannot be downloaded here, see ../README.md).
data "archive_file" "api" {
  type        = "zip"
  source_dir  = "${path.module}/src/api"
  output_path = "${path.module}/build/api.zip"
}

resource "aws_lambda_layer_version" "deps" {
  layer_name          = "deps"
  filename            = "layers/deps.zip"
  compatible_runtimes = ["python3.12"]
}

module "shared" {
  source = "./modules/layer"
  name   = "shared"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "handler.main"
  runtime       = "python3.12"
  architectures = ["arm64"]
  filename      = data.archive_file.api.output_path
  layers = [
    aws_lambda_layer_version.deps.arn,
    "arn:aws:lambda:eu-west-1:123456789012:layer:numpy:3",
    module.shared.arn,
  ]
}

resource "aws_lambda_function" "worker" {
  function_name     = "worker"
  role              = "arn:aws:iam::123456789012:role/lambda"
  handler           = "worker.main"
  runtime           = "python3.11"
  s3_bucket         = "my-artifacts"
  s3_key            = "worker/v3.zip"
  s3_object_version = "7"
  layers            = [aws_lambda_layer_version.deps.arn]
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = "arn:aws:iam::123456789012:role/lambda"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest"
}

resource "terraform_data" "build" {
  input = "build/late.zip"
}

resource "aws_lambda_function" "late" {
  function_name = "late"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "late.main"
  runtime       = "python3.12"
  filename      = terraform_data.build.output
}
