package dev.layerfit.python.requirements;

import java.nio.file.Path;
import java.util.List;
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

    /** The short name of a source for a layer's name: a file's name, or the specifier. */
    public static String shortName(RequirementsSource source) {
        return source instanceof RequirementsSource.File f ? f.path().getFileName().toString() : source.label();
    }
}
