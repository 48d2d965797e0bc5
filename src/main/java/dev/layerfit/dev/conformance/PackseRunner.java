package dev.layerfit.dev.conformance;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.resolve.Resolution;
import dev.layerfit.python.resolve.ResolutionImpossibleException;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.resolve.Resolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one packse scenario: writes its index of generated wheels to a temporary folder, resolves the root
 * requirements for the scenario's Python on Linux x86_64 (glibc 2.34 unless {@code python_platform} names a
 * manylinux level), and compares with {@code [expected]}. Scenarios outside a single-target, wheel-only,
 * pip-compatible resolver are skipped with the reason.
 */
final class PackseRunner {

    /** The result of one scenario: {@code failure} or {@code skipReason} set, or neither for a pass. */
    record Outcome(String failure, String skipReason) {
        boolean passed() {
            return failure == null && skipReason == null;
        }
    }

    /** Scenarios whose expected outcome is uv's choice where pip (which layerfit follows) differs. */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "python-less-than-current", "uv ignores Requires-Python upper bounds; pip refuses a 'Requires-Python: "
                    + "<=3.8' package on Python 3.9, and so does layerfit",
            "package-only-prereleases-in-range", "uv refuses the pre-release; pip/packaging select a==1.0.0a1 because "
                    + "only pre-releases match a>0.1.0, and layerfit follows pip");
    private static final Pattern PLATFORM = Pattern.compile("(x86_64|aarch64)-(?:manylinux(2014)|manylinux_2_(\\d+))");

    private PackseRunner() {
    }

    /** The scenario files under {@code packseDir}, sorted by path. */
    static List<Path> scenarios(Path packseDir) {
        if (!Files.isDirectory(packseDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(packseDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".toml")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome run(Path file) {
        PackseScenario s = PackseScenario.read(file);
        Optional<String> skip = skipReason(s);
        if (skip.isPresent()) {
            return new Outcome(null, skip.get());
        }
        String arch = "x86_64";
        int glibc = 34;
        Object platform = s.resolverOptions().get("python_platform");
        if (platform != null) {
            Matcher m = PLATFORM.matcher(platform.toString());
            m.matches();
            arch = m.group(1);
            glibc = m.group(2) != null ? 17 : Integer.parseInt(m.group(3));
        }
        String python = (String) s.resolverOptions().getOrDefault("python", s.python());
        String[] parts = python.split("\\.");
        ResolveTarget target = ResolveTarget.of(parts[0] + "." + parts[1], arch, 2, glibc);
        Path index = null;
        try {
            index = Files.createTempDirectory("layerfit-packse-");
            PackseIndexWriter.write(s, index);
            java.util.Set<String> noBuild = new java.util.HashSet<>();
            if (s.resolverOptions().get("no_build") instanceof List<?> l) {
                l.forEach(n -> noBuild.add(n.toString().equals(":all:") ? ":all:" : ProjectName.canonicalize(n.toString())));
            }
            Resolver resolver = new Resolver(new SimpleIndexFolderSource(index, noBuild), target,
                    Boolean.TRUE.equals(s.resolverOptions().get("prereleases")));
            List<Requirement> root = s.rootRequires().stream().map(Requirement::parse).toList();
            return new Outcome(compare(s, resolver.resolve(root, List.of())), null);
        } catch (ResolutionImpossibleException e) {
            return new Outcome(s.satisfiable() ? "expected a resolution, got: " + e.getMessage() : null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(index);
        }
    }

    static Optional<String> skipReason(PackseScenario s) {
        Map<String, Object> options = s.resolverOptions();
        if (Boolean.TRUE.equals(options.get("universal"))) {
            return Optional.of("universal resolution (every environment at once) is out of scope for a single-target resolver");
        }
        if (options.containsKey("required_environments")) {
            return Optional.of("required_environments needs universal resolution");
        }
        if (options.get("no_binary") instanceof List<?> l && !l.isEmpty()) {
            return Optional.of("no_binary needs building from source; layerfit installs wheels only");
        }
        Object platform = options.get("python_platform");
        if (platform != null && !PLATFORM.matcher(platform.toString()).matches()) {
            return Optional.of("python_platform " + platform + " is not a glibc Linux target");
        }
        return Optional.ofNullable(KNOWN_DIFFERENCES.get(s.id()));
    }

    private static String compare(PackseScenario s, Resolution r) {
        if (!s.satisfiable()) {
            return "expected no resolution, got " + describe(r);
        }
        if (s.expectedPackages().isEmpty()) {
            return null;
        }
        Map<String, Version> want = new LinkedHashMap<>();
        s.expectedPackages().forEach((k, v) -> want.put(ProjectName.canonicalize(k), Version.parse(v)));
        Map<String, Version> got = new LinkedHashMap<>();
        r.packages().forEach(p -> got.put(p.name(), p.version()));
        return want.equals(got) ? null : "expected " + s.expectedPackages() + ", got " + describe(r);
    }

    private static String describe(Resolution r) {
        return r.packages().stream().map(p -> p.name() + "==" + p.version()).toList().toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

}
