package dev.layerfit.report;

import dev.layerfit.io.AtomicFileWriter;
import dev.layerfit.io.StandardOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a report file all at once: to a temporary file in the same folder, then moved over the target,
 * so a reader never sees half a report and a failed run leaves the old one in place.
 */
public final class ReportFile {

    private ReportFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically (see {@link AtomicFileWriter}); {@code -} is standard output. */
    public static void write(Path target, String raw) {
        // a report is read by people and posted in CI: the one redaction rule, as on the terminal
        String text = dev.layerfit.text.Redaction.redact(raw);
        if (StandardOutput.is(target)) {
            StandardOutput.write(text);
            return;
        }
        try {
            AtomicFileWriter.atomic().write(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + dev.layerfit.error.ExceptionWords.describe(e), e);
        }
    }

    /** {@code path} relative to {@code base} when it lies inside it, with '/' separators; otherwise as given. */
    public static String relative(Path base, String path) {
        Path p = Path.of(path);
        Path b = base.toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        String shown = abs.startsWith(b) ? b.relativize(abs).toString() : p.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
