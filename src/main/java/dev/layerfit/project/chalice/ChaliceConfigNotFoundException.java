package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;

/** A project folder without .chalice/config.json. */
public final class ChaliceConfigNotFoundException extends BadInputException {
    public ChaliceConfigNotFoundException(String message) {
        super(message);
    }
}
