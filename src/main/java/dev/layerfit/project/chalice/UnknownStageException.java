package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;

/** A stage that the Chalice config does not define; the message lists the stages it does. */
public final class UnknownStageException extends BadInputException {
    public UnknownStageException(String message) {
        super(message);
    }
}
