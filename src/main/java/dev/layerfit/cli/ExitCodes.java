package dev.layerfit.cli;

/** The exit codes of the command-line contract (see README). */
public final class ExitCodes {
    /** Success, or the deployment fits. */
    public static final int OK = 0;
    /** A limit is exceeded or a check failed. */
    public static final int FAILED = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Network or AWS failure. */
    public static final int NETWORK = 3;
    /** A bug in layerfit. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
