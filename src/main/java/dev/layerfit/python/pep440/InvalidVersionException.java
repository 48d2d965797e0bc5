package dev.layerfit.python.pep440;

import dev.layerfit.error.BadInputException;

/** A string is not a PEP 440 version (packaging's {@code InvalidVersion}). */
public final class InvalidVersionException extends BadInputException {
    private final String input;

    public InvalidVersionException(String input) {
        super("'" + dev.layerfit.text.TerminalText.echo(input) + "' is not a valid PEP 440 version; use a version such as 1.2, 1.2.3rc1 or 2!1.0.post1");
        this.input = input;
    }

    /** The rejected input, exactly as given. */
    public String input() {
        return input;
    }
}
