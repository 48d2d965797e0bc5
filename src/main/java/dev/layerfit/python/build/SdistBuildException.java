package dev.layerfit.python.build;

import dev.layerfit.error.BadInputException;

/**
 * An sdist that cannot become a wheel layerfit can use: the build failed or took too long (the message ends with the
 * build's output), its backend is not on the index, or it builds native code. Exit code 2.
 */
public final class SdistBuildException extends BadInputException {

    /** Why the sdist gave no usable wheel. */
    public enum Cause {
        /** the build ran and failed, or the archive is damaged or unsafe: any frontend fails on it */
        FAILED,
        /** the build worked but made a wheel with native code (or for one interpreter), which layerfit refuses */
        NOT_PURE,
        /** no local Python of 3.11 or newer to build with */
        NO_PYTHON,
        /** the build backend or another build requirement is not on the index */
        BACKEND_UNAVAILABLE,
        /** the build ran past its time limit */
        TIMED_OUT
    }

    private final Cause reason;
    private final transient java.nio.file.Path builtWheel;

    public SdistBuildException(String message) {
        this(Cause.FAILED, message);
    }

    public SdistBuildException(Cause reason, String message) {
        this(reason, message, null);
    }

    /** {@code builtWheel}: for {@link Cause#NOT_PURE}, the native wheel that was built (kept apart from usable ones). */
    public SdistBuildException(Cause reason, String message, java.nio.file.Path builtWheel) {
        super(message);
        this.reason = reason;
        this.builtWheel = builtWheel;
    }

    /** The native wheel the build made ({@link Cause#NOT_PURE}), or null: its metadata is real, its code is not usable. */
    public java.nio.file.Path builtWheel() {
        return builtWheel;
    }

    /** Why (the message says it for people). */
    public Cause reason() {
        return reason;
    }
}
