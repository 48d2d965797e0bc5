package dev.layerfit.python.resolve;

import dev.layerfit.error.BadInputException;

/** A requirement the resolver cannot handle, such as a direct URL ({@code name @ https://...}). Exit code 2. */
public final class UnsupportedRequirementException extends BadInputException {

    public UnsupportedRequirementException(String message) {
        super(message);
    }
}
