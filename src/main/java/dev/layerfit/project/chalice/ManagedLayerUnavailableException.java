package dev.layerfit.project.chalice;

import dev.layerfit.error.LayerfitException;

/** Chalice's managed layer could not be computed (no index, unresolvable requirements); the way out is --managed-layer. */
public final class ManagedLayerUnavailableException extends LayerfitException {
    public ManagedLayerUnavailableException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
