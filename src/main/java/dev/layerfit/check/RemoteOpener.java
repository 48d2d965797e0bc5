package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;

/** Opens a version published in AWS (a layer version or a function's code, by ARN) for measuring. */
@FunctionalInterface
public interface RemoteOpener {

    /** Opens {@code arn}, reading only its zip's central directory and a few small files. */
    MeasuredArtifact open(String arn);
}
