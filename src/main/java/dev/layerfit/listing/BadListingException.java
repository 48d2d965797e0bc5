package dev.layerfit.listing;

import dev.layerfit.error.BadInputException;

/** A listing file that cannot be read: malformed line, wrong version, unsupported entry. Exit code 2. */
public class BadListingException extends BadInputException {
    public BadListingException(String message) {
        super(message);
    }

    public BadListingException(String message, Throwable cause) {
        super(message, cause);
    }
}
