package dev.layerfit.error;

/**
 * The one exception type that crosses package boundaries. Each package throws a subclass named for
 * what went wrong; the CLI edge turns it into one sentence and an exit code from its {@link Kind}.
 * Messages are whole sentences a user can act on: "what went wrong; what to do".
 */
public abstract class LayerfitException extends RuntimeException {

    /** What sort of failure this is, which decides the exit code (see the README). */
    public enum Kind {
        /** Bad usage or bad input: exit 2. */
        BAD_INPUT(2),
        /** A check ran and failed (a limit exceeded, an unsatisfiable set): exit 1. */
        CHECK_FAILED(1),
        /** Network or AWS failure: exit 3. */
        NETWORK(3);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    protected LayerfitException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    protected LayerfitException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
