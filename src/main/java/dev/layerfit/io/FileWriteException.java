package dev.layerfit.io;

import dev.layerfit.error.BadInputException;

/** An output file could not be written where the user asked (no such folder, no permission, a read-only file system). */
public final class FileWriteException extends BadInputException {
    public FileWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
