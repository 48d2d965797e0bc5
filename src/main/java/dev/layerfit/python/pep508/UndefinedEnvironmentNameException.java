package dev.layerfit.python.pep508;

import dev.layerfit.error.BadInputException;

/** A marker uses a variable the evaluation environment does not define. */
public final class UndefinedEnvironmentNameException extends BadInputException {
    public UndefinedEnvironmentNameException(String name) {
        super("marker variable '" + name + "' is not defined in the target environment; remove it or use a PEP 508 variable");
    }
}
