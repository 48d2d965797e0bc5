package dev.layerfit.archive;

import dev.layerfit.error.BadInputException;

/** The file has no zip end record: it is not a zip at all, or it was cut off before its end. */
public final class NotAZipException extends BadInputException {
    public NotAZipException(String message) {
        super(message);
    }
}
