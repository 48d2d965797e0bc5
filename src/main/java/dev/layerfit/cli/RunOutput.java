package dev.layerfit.cli;

import dev.layerfit.io.StandardOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/**
 * The streams a command writes to. Standard output goes to standard error once a file has been written to
 * {@code -} (standard output then holds exactly that file). With {@code --quiet}, standard output keeps only
 * its last line (the verdict) and standard error only the errors (warnings and notes are dropped).
 */
final class RunOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final StringWriter quietOut = new StringWriter();
    private final PrintWriter commandOut;
    private final PrintWriter commandErr;

    RunOutput(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.commandOut = new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                if (StandardOutput.claimed()) {
                    err.write(buf, off, len);
                } else if (quiet) {
                    quietOut.write(buf, off, len);
                } else {
                    out.write(buf, off, len);
                }
            }

            @Override
            public void flush() {
                err.flush();
                out.flush();
            }

            @Override
            public void close() {
                flush();
            }
        }, true);
        this.commandErr = quiet ? new PrintWriter(new ErrorsOnly(err), true) : err;
    }

    PrintWriter out() {
        return commandOut;
    }

    PrintWriter err() {
        return commandErr;
    }

    /** Prints what --quiet kept. */
    void finish() {
        commandOut.flush();
        commandErr.flush();
        if (quiet) {
            String[] lines = quietOut.toString().strip().split("\n");
            String last = lines[lines.length - 1].strip();
            if (!last.isEmpty()) {
                out.println(last);
            }
        }
        out.flush();
        err.flush();
    }

    /** Passes whole lines on, except warnings, notes and progress. */
    private static final class ErrorsOnly extends Writer {
        private final PrintWriter err;
        private final StringBuilder line = new StringBuilder();

        ErrorsOnly(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                line.append(buf[i]);
                if (buf[i] == '\n') {
                    emit();
                }
            }
        }

        private void emit() {
            String text = line.toString();
            line.setLength(0);
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (!lower.contains("warning:") && !lower.startsWith("note:") && !lower.contains(": note:")
                    && !text.startsWith("\r")) {
                err.print(text);
            }
        }

        @Override
        public void flush() {
            if (line.length() > 0) {
                emit();
            }
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
