package dev.layerfit.python.pep508;

import dev.layerfit.error.BadInputException;

/** A string is not a PEP 508 environment marker (packaging's {@code InvalidMarker}). */
public final class InvalidMarkerException extends BadInputException {
    private final transient SyntaxErrorDetail detail;

    public InvalidMarkerException(String input, SyntaxErrorDetail detail) {
        super("'" + input.strip() + "' is not a valid environment marker: " + detail.message() + " at column "
                + (detail.spanEnd() + 1) + "; compare a marker variable with a quoted string, e.g. python_version >= \"3.9\"");
        this.detail = detail;
    }

    /** Where parsing stopped. */
    public SyntaxErrorDetail detail() {
        return detail;
    }
}
