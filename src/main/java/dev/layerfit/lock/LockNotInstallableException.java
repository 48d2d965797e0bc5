package dev.layerfit.lock;

import dev.layerfit.error.BadInputException;

/** A lock taken as it is cannot be installed on the target: a package has no wheel for it. Exit code 2. */
public final class LockNotInstallableException extends BadInputException {

    public LockNotInstallableException(String message) {
        super(message);
    }
}
