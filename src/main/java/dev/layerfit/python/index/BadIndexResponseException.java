package dev.layerfit.python.index;

import dev.layerfit.error.BadInputException;

/** An index or find-links location answered with something that is not a PEP 503/691 page or a valid file (garbage HTML, JSON missing keys, a corrupt wheel); the message names the URL. */
public final class BadIndexResponseException extends BadInputException {
    public BadIndexResponseException(String message) {
        super(message);
    }

    public BadIndexResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
