package dev.layerfit.report;

import dev.layerfit.progress.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with carriage returns:
 * {@code measuring 6 artifacts [##########----------] 3/6}. ASCII only, so any terminal encoding shows it.
 */
public final class TerminalProgress implements Progress {

    /**
     * A bar on {@code err} when a person watches (a console is attached, {@link System#console()} non-null)
     * and the output is not JSON; {@link Progress#NONE} otherwise.
     */
    public static Progress forConsole(boolean json, PrintWriter err) {
        return choose(System.console() != null, json, err);
    }

    /** The decision of {@link #forConsole}, with the terminal test passed in. */
    public static Progress choose(boolean terminal, boolean json, PrintWriter err) {
        return terminal && !json ? new TerminalProgress(err) : NONE;
    }


    static final int WIDTH = 30;

    private final PrintWriter err;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public Task start(String label, long total) {
        Bar bar = new Bar(label, Math.max(total, 0));
        bar.draw();
        return bar;
    }

    private final class Bar implements Task {
        private final String label;
        private final long total;
        private long done;
        private boolean closed;

        Bar(String label, long total) {
            this.label = label;
            this.total = total;
        }

        @Override
        public synchronized void advance(long units) {
            if (!closed) {
                done = Math.min(total, done + Math.max(units, 0));
                draw();
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                draw();
                err.print('\n');
                err.flush();
            }
        }

        private void draw() {
            int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
            err.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d", label, "#".repeat(filled),
                    "-".repeat(WIDTH - filled), done, total));
            err.flush();
        }
    }
}
