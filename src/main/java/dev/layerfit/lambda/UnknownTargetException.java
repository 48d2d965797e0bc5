package dev.layerfit.lambda;

import dev.layerfit.error.BadInputException;

/** A runtime name, architecture, Python version or glibc version that layerfit does not know or cannot parse. */
public final class UnknownTargetException extends BadInputException {
    public UnknownTargetException(String message) {
        super(message);
    }
}
