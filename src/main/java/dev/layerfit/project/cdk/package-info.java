/**
 * The AWS CDK reader: a synthesized cloud assembly ({@code cdk.out/}: {@code manifest.json}, each stack's
 * {@code *.template.json} and {@code *.assets.json}, nested stack templates, {@code asset.<hash>} folders and zips)
 * read into the deployment model. Its CloudFormation handling is the little a synthesized template needs
 * ({@code Ref} to a layer version or a nested stack parameter, string and {@code Fn::Sub} object keys).
 */
package dev.layerfit.project.cdk;
