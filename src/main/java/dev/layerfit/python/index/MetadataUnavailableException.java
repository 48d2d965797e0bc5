package dev.layerfit.python.index;

import dev.layerfit.error.BadInputException;

/** The core metadata of a file cannot be read (an sdist, a wheel without METADATA, invalid METADATA); the message names the file. */
public final class MetadataUnavailableException extends BadInputException {
    public MetadataUnavailableException(String message) {
        super(message);
    }

    public MetadataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
