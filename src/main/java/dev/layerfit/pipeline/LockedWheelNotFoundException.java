package dev.layerfit.pipeline;

import dev.layerfit.error.BadInputException;

/** A hashed lock names a wheel the index does not offer with any of the lock's hashes for the target. */
public final class LockedWheelNotFoundException extends BadInputException {
    public LockedWheelNotFoundException(String message) {
        super(message);
    }
}
