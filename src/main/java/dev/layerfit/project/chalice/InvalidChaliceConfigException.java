package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;

/** A .chalice/config.json that is not valid JSON, or holds a value of the wrong type; the message names file, line and column. */
public final class InvalidChaliceConfigException extends BadInputException {
    public InvalidChaliceConfigException(String message) {
        super(message);
    }
}
