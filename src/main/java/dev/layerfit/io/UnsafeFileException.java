package dev.layerfit.io;

import dev.layerfit.error.BadInputException;

/** A file layerfit refuses to read or write: not a regular file, too large, an input named as output, outside its root. */
public final class UnsafeFileException extends BadInputException {
    public UnsafeFileException(String message) {
        super(message);
    }
}
