package dev.layerfit.project.sam;

import dev.layerfit.error.LayerfitException;

/** What {@code sam build} would build could not be computed (requirements unresolvable, index unreachable). */
public final class SamBuildException extends LayerfitException {

    SamBuildException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
