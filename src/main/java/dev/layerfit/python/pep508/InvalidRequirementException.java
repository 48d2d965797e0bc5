package dev.layerfit.python.pep508;

import dev.layerfit.error.BadInputException;

/** A string is not a PEP 508 dependency specifier (packaging's {@code InvalidRequirement}). */
public final class InvalidRequirementException extends BadInputException {
    private final transient SyntaxErrorDetail detail;

    public InvalidRequirementException(String input, SyntaxErrorDetail detail) {
        super("'" + dev.layerfit.text.TerminalText.echo(input.strip()) + "' is not a valid requirement: " + detail.message() + " at column "
                + (detail.spanEnd() + 1) + "; write it as name[extras] specifiers ; marker");
        this.detail = detail;
    }

    public InvalidRequirementException(String input, String reason) {
        this(input, new SyntaxErrorDetail(reason, input, 0, 0));
    }

    /** Where parsing stopped. */
    public SyntaxErrorDetail detail() {
        return detail;
    }
}
