package dev.layerfit.python.index;

import dev.layerfit.error.LayerfitException;

/** An index could not be reached or kept failing (connect errors, 5xx, 429) after the retries; exit code 3. */
public final class IndexUnavailableException extends LayerfitException {
    public IndexUnavailableException(String message, Throwable cause) {
        super(Kind.NETWORK, message, cause);
    }
}
