package dev.layerfit.lock;

import dev.layerfit.error.BadInputException;

/** A file a lock names without a URL is not in the index with the lock's hash. Exit code 2. */
public final class LockedFileNotFoundException extends BadInputException {

    public LockedFileNotFoundException(String message) {
        super(message);
    }
}
