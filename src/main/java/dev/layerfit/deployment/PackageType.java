package dev.layerfit.deployment;

/** How a function's code is deployed (Lambda's {@code PackageType}). */
public enum PackageType {
    /** A .zip deployment package, with layers: held to the 250 MiB unzipped limit. */
    ZIP,
    /** A container image (up to 10 GiB, no layers): the zip limits do not apply. */
    IMAGE
}
