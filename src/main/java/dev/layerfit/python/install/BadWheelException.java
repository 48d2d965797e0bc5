package dev.layerfit.python.install;

import dev.layerfit.error.BadInputException;

/**
 * A wheel layerfit will not install: a file that does not match its RECORD hash or size, a path that would
 * escape the layer (absolute, {@code ..}, a symlink), a missing or malformed {@code .dist-info}. Exit code 2.
 */
public final class BadWheelException extends BadInputException {
    public BadWheelException(String message) {
        super(message);
    }

    public BadWheelException(String message, Throwable cause) {
        super(message, cause);
    }
}
