/**
 * The Serverless Framework reader: the packaged {@code .serverless/} folder (CloudFormation template, state, zips)
 * when present, else {@code serverless.yml} with its variables, package patterns, layers and
 * serverless-python-requirements' settings, read into the deployment model. Its CloudFormation handling is the
 * little a packaged template needs ({@code Ref} to a layer of the service, S3 keys naming zips).
 */
package dev.layerfit.project.serverless;
