/**
 * The framework-neutral deployment model: what a deploy will create, as Lambda sees it.
 *
 * <p>A {@link Deployment} is a list of {@link LambdaFunction}s; each has a name, runtime, architecture,
 * {@link PackageType}, its ordered layers and its code, every one an {@link Artifact} whose bytes come from an
 * {@link ArtifactSource} (a local zip or folder, a published version in AWS, inline code, or something the
 * framework's packager builds). Each framework has one {@link DeploymentReader} (in {@code project.*}) that
 * produces this model and nothing else; {@code check}, the limits, the advisor and the reports work on the model
 * alone and never learn which framework it came from.
 */
package dev.layerfit.deployment;
