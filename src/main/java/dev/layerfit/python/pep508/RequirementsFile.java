package dev.layerfit.python.pep508;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A requirements file read as pip reads it (pip's {@code req_file.py}): comments, {@code \} continuations,
 * {@code ${VAR}} expansion, {@code -r}/{@code -c} includes relative to the including file, index options,
 * {@code --pre}, {@code --only-binary}/{@code --no-binary} and per-line {@code --hash}. Editable and local-path
 * requirements are refused with a {@link RequirementsFileException}.
 *
 * <p>Index options from every file read are collected: the last {@code -i} wins and, as in pip, drops the extra
 * index URLs read before it; later extra index URLs and find-links accumulate in order (find-links relative to the file that names them when that path exists,
 * as pip does).
 */
public final class RequirementsFile {

    final List<RequirementsFileEntry> requirements = new ArrayList<>();
    final List<RequirementsFileEntry> constraints = new ArrayList<>();
    final List<String> extraIndexUrls = new ArrayList<>();
    final List<String> findLinks = new ArrayList<>();
    final Set<String> onlyBinary = new LinkedHashSet<>();
    final Set<String> noBinary = new LinkedHashSet<>();
    final List<Path> files = new ArrayList<>();
    String indexUrl;
    boolean noIndex;
    boolean pre;
    boolean requireHashes;
    boolean preferBinary;

    RequirementsFile() {
    }

    /** Reads {@code file} and its includes, expanding {@code ${VAR}} from the process environment. */
    public static RequirementsFile read(Path file) throws IOException {
        return read(file, System.getenv());
    }

    /**
     * Reads {@code file} and its includes, expanding {@code ${VAR}} from {@code environment}.
     *
     * @throws RequirementsFileException for a malformed or unsupported line, a missing include or a cycle
     */
    public static RequirementsFile read(Path file, Map<String, String> environment) throws IOException {
        RequirementsFile result = new RequirementsFile();
        new RequirementsFileParser(result, environment).readTopLevel(file);
        return result;
    }

    /**
     * Reads {@code text} as a requirements file named {@code label} (pip's {@code -r -}: standard input, whose
     * includes are relative to the current folder), expanding {@code ${VAR}} from {@code environment}.
     */
    public static RequirementsFile readText(String text, Path label, Map<String, String> environment) throws IOException {
        RequirementsFile result = new RequirementsFile();
        new RequirementsFileParser(result, environment).readTopLevelText(label, text);
        return result;
    }

    /** The requirements, in the order read (includes expanded in place). */
    public List<RequirementsFileEntry> requirements() {
        return List.copyOf(requirements);
    }

    /** The constraints from {@code -c} files (and files they include). */
    public List<RequirementsFileEntry> constraints() {
        return List.copyOf(constraints);
    }

    /** The last {@code -i/--index-url} given, if any. */
    public Optional<String> indexUrl() {
        return Optional.ofNullable(indexUrl);
    }

    /** Every {@code --extra-index-url}, in order. */
    public List<String> extraIndexUrls() {
        return List.copyOf(extraIndexUrls);
    }

    /** Every {@code -f/--find-links}, in order (relative paths resolved against the naming file when they exist). */
    public List<String> findLinks() {
        return List.copyOf(findLinks);
    }

    /** Whether {@code --no-index} was given. */
    public boolean noIndex() {
        return noIndex;
    }

    /** Whether {@code --pre} was given. */
    public boolean pre() {
        return pre;
    }

    /** Whether {@code --require-hashes} was given. */
    public boolean requireHashes() {
        return requireHashes;
    }

    /** Whether {@code --prefer-binary} was given. */
    public boolean preferBinary() {
        return preferBinary;
    }

    /** The {@code --only-binary} values (normalised names, or {@code :all:} / {@code :none:}), in order. */
    public Set<String> onlyBinary() {
        return Set.copyOf(onlyBinary);
    }

    /** The {@code --no-binary} values (normalised names, or {@code :all:} / {@code :none:}), in order. */
    public Set<String> noBinary() {
        return Set.copyOf(noBinary);
    }

    /** Every file read (the top-level file first), as opened. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** The hashes given for a project (normalised name) on any requirement line; empty when none. */
    public List<String> hashesFor(String project) {
        String wanted = ProjectName.canonicalize(project);
        List<String> out = new ArrayList<>();
        for (RequirementsFileEntry e : requirements) {
            if (e.requirement().normalizedName().equals(wanted)) {
                out.addAll(e.hashes());
            }
        }
        return out;
    }
}
