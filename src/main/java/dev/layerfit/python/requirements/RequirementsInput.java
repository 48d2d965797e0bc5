package dev.layerfit.python.requirements;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a command was asked to install, before it is read: pip's command line ({@code -r FILE}, {@code -c FILE},
 * specifiers, {@code -} for standard input) and the project's selections ({@code --extra}, {@code --group}).
 *
 * @param sources         requirement sources in command-line order (files given as arguments and with {@code -r},
 *                        specifiers, standard input)
 * @param constraintFiles pip's {@code -c} files
 * @param extras          {@code --extra} names: a {@code pyproject.toml}'s optional dependencies, a lock's extras
 * @param groups          {@code --group} names: PEP 735 dependency groups (a lock's groups)
 * @param withProject     {@code --with-project}: install the {@code pyproject.toml}'s project itself, built as a pure
 *                        wheel (PEP 517, with the local Python): the reader gives it as {@link ReadRequirements#project()},
 *                        the locker builds it and offers the wheel as the project's only candidate.
 */
public record RequirementsInput(List<RequirementsSource> sources, List<Path> constraintFiles, List<String> extras,
        List<String> groups, boolean withProject) {

    public RequirementsInput {
        sources = List.copyOf(sources);
        constraintFiles = List.copyOf(constraintFiles);
        extras = List.copyOf(extras);
        groups = List.copyOf(groups);
    }

    /** Files as positional arguments, nothing else (what every command took before). */
    public static RequirementsInput files(List<Path> files) {
        return new RequirementsInput(files.stream().<RequirementsSource>map(RequirementsSource.File::new).toList(), List.of(),
                List.of(), List.of(), false);
    }

    /**
     * The same selections with only one source (plan's one-layer-per-file grouping); {@code --with-project} stays only
     * with the {@code pyproject.toml} it applies to.
     */
    public RequirementsInput only(RequirementsSource source) {
        boolean project = withProject && RequirementsReader.formatOf(source) == InputFormat.PYPROJECT;
        return new RequirementsInput(List.of(source), constraintFiles, extras, groups, project);
    }

    /** The sources' labels joined by spaces, for headers and messages. */
    public String describe() {
        return sources.stream().map(RequirementsSource::label).collect(Collectors.joining(" "));
    }

    /**
     * What to call the layer planned from each source, in the sources' order: a file's path relative to
     * {@code currentFolder} ({@code services/api/requirements.txt}; for a file outside it, its name when no other file
     * has that name, else its full path), or, when every file has the same name and their folders' names differ, the
     * folder's name ({@code api}): four layers called "requirements.txt" tell a reader nothing. A specifier or standard
     * input is called by its label.
     */
    public Map<RequirementsSource, String> shortNames(Path currentFolder) {
        Path here = currentFolder.toAbsolutePath().normalize();
        List<Path> files = sources.stream().filter(s -> s instanceof RequirementsSource.File)
                .map(s -> ((RequirementsSource.File) s).path()).toList();
        boolean sameFileName = files.size() > 1 && files.stream().map(RequirementsInput::fileName).distinct().count() == 1;
        List<String> folders = files.stream().map(RequirementsInput::folderName).toList();
        boolean byFolder = sameFileName && folders.stream().distinct().count() == files.size() && !folders.contains("");
        Map<RequirementsSource, String> names = new LinkedHashMap<>();
        for (RequirementsSource s : sources) {
            if (s instanceof RequirementsSource.File f) {
                String name = fileName(f.path());
                boolean unique = files.stream().filter(g -> fileName(g).equals(name)).count() == 1;
                names.putIfAbsent(s, byFolder ? folderName(f.path()) : relative(f.path(), here, unique));
            } else {
                names.putIfAbsent(s, s.label());
            }
        }
        return names;
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    private static String folderName(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    private static String relative(Path file, Path here, boolean uniqueName) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(here) ? here.relativize(abs) : uniqueName ? abs.getFileName() : abs;
        return rel.toString().replace('\\', '/');
    }
}
