package dev.layerfit.python.sdist;

import dev.layerfit.error.BadInputException;

/**
 * An sdist that cannot become a wheel layerfit can use: the build failed or took too long (the message ends with the
 * build's output), its backend is not on the index, or it builds native code. Exit code 2.
 */
public final class SdistBuildException extends BadInputException {

    public SdistBuildException(String message) {
        super(message);
    }
}
