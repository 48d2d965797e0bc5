package dev.layerfit.deployment;

import dev.layerfit.error.BadInputException;

/** The deployment references an artifact that has no local copy; the message names the flag to pass. */
public final class MissingArtifactException extends BadInputException {
    public MissingArtifactException(String message) {
        super(message);
    }
}
