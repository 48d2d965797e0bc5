package dev.layerfit.text;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that applies the one redaction rule ({@link Redaction}) to everything passing through, line by line: the
 * CLI wraps stdout and stderr in it, so no command, report or JSON document can print a credential, whatever code
 * produced the text. A line is held until its end (or a flush), so a URL split across writes is still redacted.
 */
public final class RedactingWriter extends Writer {

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    public RedactingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            line.append(c);
            if (c == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        if (line.length() > 0) {
            out.write(Redaction.redact(line.toString()));
            line.setLength(0);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }
}
