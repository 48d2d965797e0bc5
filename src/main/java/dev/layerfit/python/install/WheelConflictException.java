package dev.layerfit.python.install;

import dev.layerfit.error.BadInputException;

/** Two wheels installed into one layer write the same path with different contents. Exit code 2. */
public final class WheelConflictException extends BadInputException {
    public WheelConflictException(String message) {
        super(message);
    }
}
