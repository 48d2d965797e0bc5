package dev.layerfit.layer;

import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsReader;
import dev.layerfit.python.requirements.RequirementsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges several requirements files into one (what the seed team did by hand as requirements-all.txt):
 * one line per project and marker, its clauses combined, annotated with where each came from; index
 * options carried over; and conflicts (e.g. {@code numpy==1.26.4} vs {@code numpy>=2}) found without an index.
 */
public final class RequirementsMerge {

    /** One requirement as a file gave it. */
    public record Source(Requirement requirement, String location, List<String> hashes) {
    }

    /** A line of the merged file and the sources it combines. */
    public record Merged(Requirement requirement, List<Source> sources) {
    }

    /** Requirements on one project that no version can meet together. */
    public record Conflict(String project, List<Source> sources) {

        /** "numpy==1.26.4 (a.txt:1) conflicts with numpy>=2 (b.txt:4): no version satisfies both". */
        public String describe() {
            String each = sources.stream().map(s -> s.requirement() + " (" + s.location() + ")")
                    .collect(Collectors.joining(sources.size() == 2 ? " conflicts with " : ", "));
            return project + ": " + each + (sources.size() == 2 ? ": no version satisfies both"
                    : " conflict: no version satisfies them all");
        }
    }

    /**
     * The merge: its lines, the pip options to keep, any conflicts, the inputs' names (for the header) and the
     * constraint files the merged file keeps as {@code -c} lines.
     */
    public record Result(List<Merged> lines, List<String> options, List<Conflict> conflicts, List<String> inputs,
                         List<Path> constraintFiles) {
    }

    private RequirementsMerge() {
    }

    /** Reads and merges the files (includes and constraints as pip reads them). */
    public static Result merge(List<Path> files) throws IOException {
        return merge(RequirementsInput.files(files));
    }

    /**
     * Reads and merges what pip's command line names ({@link RequirementsInput}: requirements files with their includes,
     * {@code pyproject.toml}s with the {@code --extra}s and {@code --group}s named, specifiers, standard input) and
     * checks every line against the constraints ({@code -c} files and those the files include): a requirement no
     * constrained version meets is a conflict. The constraint files stay {@code -c} lines of the merged file, as pip
     * applies them when it installs it.
     */
    public static Result merge(RequirementsInput input) throws IOException {
        RequirementsReader.Declared declared = RequirementsReader.declared(input);
        Map<String, List<Source>> byKey = new LinkedHashMap<>();
        for (RequirementsFileEntry e : declared.requirements()) {
            Requirement r = e.requirement();
            String key = r.normalizedName() + ";" + r.marker().map(Object::toString).orElse("");
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Source(r, location(e), e.sha256Hashes()));
        }
        Map<String, List<Source>> constraints = new LinkedHashMap<>();
        LinkedHashSet<Path> constraintFiles = new LinkedHashSet<>();
        for (RequirementsFileEntry e : declared.constraints()) {
            constraints.computeIfAbsent(e.requirement().normalizedName(), k -> new ArrayList<>())
                    .add(new Source(e.requirement(), location(e) + " (constraint)", e.sha256Hashes()));
            constraintFiles.add(e.file().toAbsolutePath().normalize());
        }
        input.constraintFiles().forEach(c -> constraintFiles.add(c.toAbsolutePath().normalize()));
        LinkedHashSet<String> options = new LinkedHashSet<>();
        String indexUrl = null;
        boolean pre = false;
        for (RequirementsFile rf : declared.files()) {
            if (rf.indexUrl().isPresent() && indexUrl == null) {
                indexUrl = rf.indexUrl().get();
            }
            rf.extraIndexUrls().forEach(u -> options.add("--extra-index-url " + u));
            rf.findLinks().forEach(u -> options.add("--find-links " + u));
            pre |= rf.pre();
        }
        List<String> allOptions = new ArrayList<>();
        if (indexUrl != null) {
            allOptions.add("--index-url " + indexUrl);
        }
        allOptions.addAll(options);
        if (pre) {
            allOptions.add("--pre");
        }
        List<Merged> lines = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (List<Source> sources : byKey.values()) {
            Requirement first = sources.get(0).requirement();
            List<Source> applying = constraints.getOrDefault(first.normalizedName(), List.of()).stream()
                    .filter(c -> c.requirement().marker().isEmpty() || c.requirement().marker().equals(first.marker())).toList();
            Optional<Requirement> combined = combine(sources);
            List<Source> all = new ArrayList<>(sources);
            all.addAll(applying);
            if (combined.isPresent() && !applying.isEmpty() && combine(all).isEmpty()) {
                combined = Optional.empty();
            }
            combined.ifPresentOrElse(r -> lines.add(new Merged(r, List.copyOf(sources))),
                    () -> conflicts.add(new Conflict(first.normalizedName(), List.copyOf(combine(sources).isPresent() ? all : sources))));
        }
        List<String> inputs = input.sources().stream().map(src -> src instanceof RequirementsSource.File f ? display(f.path())
                : src.label()).toList();
        return new Result(lines, allOptions, conflicts, inputs, List.copyOf(constraintFiles));
    }

    private static String location(RequirementsFileEntry e) {
        return e.file().equals(RequirementsReader.COMMAND_LINE) || e.file().toString().equals("-") ? e.location()
                : display(e.file()) + ":" + e.line();
    }

    /** The requirement that means all of {@code sources}, or empty when they conflict. */
    private static Optional<Requirement> combine(List<Source> sources) {
        Requirement first = sources.get(0).requirement();
        TreeSet<String> extras = new TreeSet<>();
        LinkedHashSet<String> clauses = new LinkedHashSet<>();
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        List<SpecifierSet> sets = new ArrayList<>();
        for (Source s : sources) {
            Requirement r = s.requirement();
            extras.addAll(r.extras());
            r.url().ifPresent(urls::add);
            sets.add(r.specifier());
            r.specifier().specifiers().forEach(sp -> clauses.add(sp.toString()));
        }
        if (urls.size() > 1 || (!urls.isEmpty() && !clauses.isEmpty())) {
            return Optional.empty();
        }
        Optional<Version> witness = clauses.isEmpty() ? Optional.of(Version.parse("0")) : SpecifierConflict.witness(sets);
        if (witness.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(first.name());
        if (!extras.isEmpty()) {
            text.append('[').append(String.join(",", extras)).append(']');
        }
        if (!urls.isEmpty()) {
            text.append(" @ ").append(urls.iterator().next());
        } else {
            text.append(String.join(",", clauses));
        }
        first.marker().ifPresent(m -> text.append(urls.isEmpty() ? "; " : " ; ").append(m));
        return Optional.of(Requirement.parse(text.toString()));
    }

    /** The merged file for standard output: constraint files named relative to the working folder. */
    public static String render(Result result) {
        return render(result, Path.of(""));
    }

    /**
     * The merged file: a header naming the inputs, options, {@code -c} lines for the constraint files (relative to
     * {@code folder}, where the file goes: pip reads a requirements file's {@code -c} paths relative to it), then one
     * annotated line per requirement.
     */
    public static String render(Result result, Path folder) {
        StringBuilder out = new StringBuilder();
        out.append("# Merged by layerfit merge from: ").append(String.join(", ", result.inputs())).append('\n');
        for (String o : result.options()) {
            out.append(o).append('\n');
        }
        Path base = folder.toAbsolutePath().normalize();
        for (Path c : result.constraintFiles()) {
            out.append("-c ").append(base.relativize(c).toString().replace('\\', '/')).append('\n');
        }
        for (Merged m : result.lines()) {
            String from = m.sources().stream().map(Source::location).collect(Collectors.joining(", "));
            LinkedHashSet<String> hashes = new LinkedHashSet<>();
            boolean allHashed = m.sources().stream().allMatch(s -> !s.hashes().isEmpty());
            if (allHashed) {
                m.sources().forEach(s -> hashes.addAll(s.hashes()));
            }
            out.append(m.requirement());
            for (String h : hashes) {
                out.append(" \\\n    --hash=sha256:").append(h);
            }
            out.append("  # from ").append(from).append('\n');
        }
        return out.toString();
    }

    private static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
