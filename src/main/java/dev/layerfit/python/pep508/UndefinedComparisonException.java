package dev.layerfit.python.pep508;

import dev.layerfit.error.BadInputException;

/**
 * A marker compares values in a way PEP 508 leaves undefined, e.g. {@code ~=} or {@code ===} on a value
 * that is not a version (packaging's {@code UndefinedComparison}).
 */
public final class UndefinedComparisonException extends BadInputException {
    public UndefinedComparisonException(String op, String lhs, String rhs) {
        super("marker comparison '" + lhs + "' " + op + " '" + rhs + "' is undefined; use ==, != or in for values that are not versions");
    }
}
