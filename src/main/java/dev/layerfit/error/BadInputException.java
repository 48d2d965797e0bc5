package dev.layerfit.error;

/** Input the user can fix: a missing path, a malformed flag or file. Exit code 2. */
public class BadInputException extends LayerfitException {
    public BadInputException(String message) {
        super(Kind.BAD_INPUT, message);
    }

    public BadInputException(String message, Throwable cause) {
        super(Kind.BAD_INPUT, message, cause);
    }
}
