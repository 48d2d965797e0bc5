package dev.layerfit.lock;

import dev.layerfit.error.BadInputException;

/** A requirements or constraints file named on the command line or in pip's configuration cannot be read. Exit code 2. */
public final class RequirementsUnreadableException extends BadInputException {

    public RequirementsUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
