package dev.layerfit.python.tags;

import dev.layerfit.error.BadInputException;

/** A file name is not a valid wheel name (packaging's {@code InvalidWheelFilename}). */
public final class InvalidWheelFilenameException extends BadInputException {
    public InvalidWheelFilenameException(String filename, String reason) {
        super("'" + filename + "' is not a valid wheel file name (" + reason
                + "); expected name-version[-build]-python-abi-platform.whl");
    }
}
