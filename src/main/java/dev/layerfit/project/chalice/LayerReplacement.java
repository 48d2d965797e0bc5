package dev.layerfit.project.chalice;

import dev.layerfit.io.AtomicFileWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One layer ARN replaced in a config's text, ready to write. Only the JSON string token changes; everything else
 * (key order, indentation, line endings) is the original text.
 *
 * @param file     the config file
 * @param jsonPath where the ARN is, e.g. {@code stages.prod.layers[1]}
 * @param line     its 1-based line
 * @param oldArn   the ARN there now
 * @param newArn   the ARN written instead
 * @param oldLine  that line before (without its line ending)
 * @param newLine  that line after
 * @param newText  the whole file after the edit
 */
public record LayerReplacement(Path file, String jsonPath, int line, String oldArn, String newArn, String oldLine,
        String newLine, String newText) {

    /** Whether anything changes (false when the config already holds {@code newArn}). */
    public boolean changes() {
        return !oldArn.equals(newArn);
    }

    /** Two diff lines: {@code -12: old} and {@code +12: new}. */
    public String diff() {
        return "-" + line + ": " + oldLine + System.lineSeparator() + "+" + line + ": " + newLine;
    }

    /** Writes the edited text atomically (nothing is written when nothing changes). */
    public void write() {
        write(AtomicFileWriter.atomic());
    }

    void write(AtomicFileWriter writer) {
        if (!changes()) {
            return;
        }
        try {
            writer.editingInput().write(file, newText); // the one write allowed over an input: this edit
        } catch (IOException e) {
            throw new ConfigEditException("could not write " + file + " (" + dev.layerfit.error.ExceptionWords.describe(e)
                    + "); it is unchanged; check the folder's permissions and free space", e);
        }
    }
}
