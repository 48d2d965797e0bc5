package dev.layerfit.layer;

import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import dev.layerfit.python.requirements.RequirementsReader;
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

    /** The merge: its lines, the pip options to keep, and any conflicts. */
    public record Result(List<Merged> lines, List<String> options, List<Conflict> conflicts, List<Path> inputs) {
    }

    private RequirementsMerge() {
    }

    /** Reads and merges the files (includes and constraints as pip reads them). */
    public static Result merge(List<Path> files) throws IOException {
        return merge(files, List.of(), List.of());
    }

    /**
     * Reads and merges the files: pip requirements files (includes and constraints as pip reads them) and
     * {@code pyproject.toml}s (their dependencies, the {@code extras} and the dependency {@code groups} named).
     */
    public static Result merge(List<Path> files, List<String> extras, List<String> groups) throws IOException {
        Map<String, List<Source>> byKey = new LinkedHashMap<>();
        LinkedHashSet<String> options = new LinkedHashSet<>();
        String indexUrl = null;
        boolean pre = false;
        for (Path file : files) {
            List<RequirementsFileEntry> entries = new ArrayList<>();
            RequirementsFile rf = RequirementsReader.declared(file, extras, groups, entries);
            for (RequirementsFileEntry e : entries) {
                Requirement r = e.requirement();
                String key = r.normalizedName() + ";" + r.marker().map(Object::toString).orElse("");
                byKey.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Source(r, display(e.file()) + ":" + e.line(), e.sha256Hashes()));
            }
            if (rf == null) {
                continue;
            }
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
            combine(sources).ifPresentOrElse(r -> lines.add(new Merged(r, List.copyOf(sources))),
                    () -> conflicts.add(new Conflict(sources.get(0).requirement().normalizedName(), List.copyOf(sources))));
        }
        return new Result(lines, allOptions, conflicts, List.copyOf(files));
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

    /** The merged file: a header naming the inputs, options, then one annotated line per requirement. */
    public static String render(Result result) {
        StringBuilder out = new StringBuilder();
        out.append("# Merged by layerfit merge from: ").append(result.inputs().stream()
                .map(RequirementsMerge::display).collect(Collectors.joining(", "))).append('\n');
        for (String o : result.options()) {
            out.append(o).append('\n');
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
