package dev.layerfit.python.pep508;

import dev.layerfit.error.BadInputException;

/**
 * A requirements file cannot be used: a malformed line, an unsupported form (editable, local path), a
 * missing included file or an include cycle. The message starts with {@code file:line:}.
 */
public final class RequirementsFileException extends BadInputException {
    public RequirementsFileException(String message) {
        super(message);
    }

    public RequirementsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
