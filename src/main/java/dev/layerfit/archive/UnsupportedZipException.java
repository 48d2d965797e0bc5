package dev.layerfit.archive;

import dev.layerfit.error.BadInputException;

/**
 * A well-formed zip that uses something layerfit does not read: split archives, encrypted entries,
 * compression methods other than stored and deflated, or an entry too large to read into memory.
 */
public final class UnsupportedZipException extends BadInputException {
    public UnsupportedZipException(String message) {
        super(message);
    }
}
