package dev.layerfit.python.index;

import dev.layerfit.error.BadInputException;

/** A downloaded file's sha256 differs from the one the index (or a requirements file) promised; nothing was cached. */
public final class HashMismatchException extends BadInputException {
    public HashMismatchException(String what, String expected, String actual) {
        super(what + " has sha256 " + actual + " but the index promised " + expected
                + "; the file was discarded, check the index or the --hash values");
    }
}
