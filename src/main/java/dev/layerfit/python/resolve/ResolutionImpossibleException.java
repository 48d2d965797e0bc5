package dev.layerfit.python.resolve;

import dev.layerfit.error.LayerfitException;

/**
 * The requirements cannot all be met on the target. The message is the derivation: a chain of "Because ...,
 * ..." sentences from the index facts to "the requirements are unsatisfiable", ending with a hint when one
 * applies. Exit code 1.
 */
public final class ResolutionImpossibleException extends LayerfitException {

    public ResolutionImpossibleException(String derivation) {
        super(Kind.CHECK_FAILED, derivation);
    }
}
