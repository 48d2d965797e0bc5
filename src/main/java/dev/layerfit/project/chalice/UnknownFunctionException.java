package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;

/** A function name that no lambda_functions section of the Chalice config mentions; the message lists those that do. */
public final class UnknownFunctionException extends BadInputException {
    public UnknownFunctionException(String message) {
        super(message);
    }
}
