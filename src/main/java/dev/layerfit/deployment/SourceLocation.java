package dev.layerfit.deployment;

import java.nio.file.Path;

/**
 * Where in the project's sources something is defined (for annotations and messages).
 *
 * @param file   the file, as the reader found it (relative to the working folder when it can be)
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(Path file, int line, int column) {

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line, 0);
    }

    /** "template.yaml:12" (or just the file when the line is unknown). */
    public String describe() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
