package dev.layerfit.pipeline;

import dev.layerfit.error.BadInputException;

/** Writing a layer failed (disk full, permissions); nothing was written at the output path. */
public final class LayerWriteException extends BadInputException {
    public LayerWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
