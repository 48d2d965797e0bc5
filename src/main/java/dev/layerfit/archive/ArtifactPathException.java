package dev.layerfit.archive;

import dev.layerfit.error.BadInputException;

/** The path given as an artifact is missing, or is neither a regular file nor a folder. */
public final class ArtifactPathException extends BadInputException {
    public ArtifactPathException(String message) {
        super(message);
    }

    public ArtifactPathException(String message, Throwable cause) {
        super(message, cause);
    }
}
