package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;

/** A config edit that cannot be made as asked (no {@code layers} list where expected, no matching layer, a write failure). */
public final class ConfigEditException extends BadInputException {
    public ConfigEditException(String message) {
        super(message);
    }

    public ConfigEditException(String message, Throwable cause) {
        super(message, cause);
    }
}
