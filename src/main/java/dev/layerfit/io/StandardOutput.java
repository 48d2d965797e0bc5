package dev.layerfit.io;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code -} as a file name means standard output: the writer of one run's standard output, set by the command
 * line for the thread that runs the command. Once a file has gone there, the rest of the run's usual text goes
 * to standard error, so standard output holds exactly that file.
 */
public final class StandardOutput {

    private static final ThreadLocal<StandardOutput> CURRENT = new ThreadLocal<>();

    private final PrintWriter out;
    private boolean claimed;

    private StandardOutput(PrintWriter out) {
        this.out = out;
    }

    /** Makes {@code out} this thread's standard output until the returned scope is closed. */
    public static Scope open(PrintWriter out) {
        StandardOutput previous = CURRENT.get();
        CURRENT.set(new StandardOutput(out));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Whether {@code target} is {@code -}. */
    public static boolean is(Path target) {
        return target != null && target.toString().equals("-");
    }

    /** Writes {@code text} to standard output (the process's when no run has set one) and claims it. */
    public static void write(String text) {
        StandardOutput current = CURRENT.get();
        PrintWriter out = current == null ? new PrintWriter(System.out, true) : current.out;
        out.print(text);
        out.flush();
        if (current != null) {
            current.claimed = true;
        }
    }

    /** Whether a file has been written to this thread's standard output. */
    public static boolean claimed() {
        StandardOutput current = CURRENT.get();
        return current != null && current.claimed;
    }

    /** Ends the use of a standard output. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
