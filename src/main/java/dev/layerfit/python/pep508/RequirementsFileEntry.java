package dev.layerfit.python.pep508;

import java.nio.file.Path;
import java.util.List;

/**
 * One requirement read from a requirements file, with where it was written and the {@code --hash} values
 * given on its line.
 *
 * @param requirement the parsed requirement
 * @param file        the file it was read from (as opened: the including file's folder resolved)
 * @param line        the 1-based line where its logical line starts
 * @param hashes      the {@code --hash} values as written ({@code sha256:<hex>}), in order; empty when none
 */
public record RequirementsFileEntry(Requirement requirement, Path file, int line, List<String> hashes) {

    public RequirementsFileEntry {
        hashes = List.copyOf(hashes);
    }

    /** {@code file:line}, for messages. */
    public String location() {
        return file + ":" + line;
    }

    /** The hex digests of the {@code sha256:} hashes (lower case), in order. */
    public List<String> sha256Hashes() {
        return hashes.stream().filter(h -> h.startsWith("sha256:")).map(h -> h.substring(7)).toList();
    }
}
