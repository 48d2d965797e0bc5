package dev.layerfit.archive;

import dev.layerfit.error.BadInputException;

/**
 * The zip has an end record but its central directory or an entry is damaged: truncated, counts that
 * disagree, records running past their bounds, impossible sizes, or data failing its CRC-32.
 */
public final class CorruptZipException extends BadInputException {
    public CorruptZipException(String message) {
        super(message);
    }

    public CorruptZipException(String message, Throwable cause) {
        super(message, cause);
    }
}
