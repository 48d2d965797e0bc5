package dev.layerfit.python.pep440;

import dev.layerfit.error.BadInputException;

/** A string is not a PEP 440 version specifier (packaging's {@code InvalidSpecifier}). */
public final class InvalidSpecifierException extends BadInputException {
    private final String input;

    public InvalidSpecifierException(String input) {
        super("'" + dev.layerfit.text.TerminalText.echo(input) + "' is not a valid version specifier; use clauses such as >=1.0, ==1.4.*, ~=2.2, !=1.5");
        this.input = input;
    }

    /** The rejected input, exactly as given. */
    public String input() {
        return input;
    }
}
