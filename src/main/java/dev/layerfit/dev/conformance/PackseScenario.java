package dev.layerfit.dev.conformance;

import dev.layerfit.io.TomlTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packse resolver scenario (astral-sh/packse {@code scenario.py}): the packages of its index, the root
 * requirements, environment, resolver options and the expected outcome, with packse's defaults applied
 * (Requires-Python ">=3.8", a wheel and an sdist per version, wheel tag py3-none-any, Python 3.8).
 */
record PackseScenario(String id, Map<String, Map<String, Release>> packages, List<String> rootRequires,
                      String python, Map<String, Object> resolverOptions, boolean satisfiable,
                      Map<String, String> expectedPackages) {

    /** One version of a scenario package. */
    record Release(String requiresPython, List<String> requires, Map<String, List<String>> extras, boolean sdist,
                   boolean wheel, boolean yanked, List<String> wheelTags) {
    }

    static PackseScenario read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> doc = TomlTable.parse(text, file.toString()).asMap();
        Map<String, Map<String, Release>> packages = new LinkedHashMap<>();
        table(doc, "packages").forEach((name, pkg) -> {
            Map<String, Release> versions = new LinkedHashMap<>();
            table(asMap(pkg), "versions").forEach((version, meta) -> versions.put(version, release(asMap(meta))));
            packages.put(name, versions);
        });
        Map<String, Object> root = table(doc, "root");
        Map<String, Object> env = table(doc, "environment");
        Map<String, Object> expected = table(doc, "expected");
        Map<String, String> expectedPackages = new LinkedHashMap<>();
        table(expected, "packages").forEach((k, v) -> expectedPackages.put(k, (String) v));
        String stem = file.getFileName().toString().replaceFirst("\\.toml$", "");
        return new PackseScenario(stem, packages, strings(root.get("requires")),
                (String) env.getOrDefault("python", "3.8"), table(doc, "resolver_options"),
                Boolean.TRUE.equals(expected.get("satisfiable")), expectedPackages);
    }

    private static Release release(Map<String, Object> m) {
        Map<String, List<String>> extras = new LinkedHashMap<>();
        table(m, "extras").forEach((k, v) -> extras.put(k, strings(v)));
        return new Release((String) m.getOrDefault("requires_python", ">=3.8"), strings(m.get("requires")), extras,
                !Boolean.FALSE.equals(m.get("sdist")), !Boolean.FALSE.equals(m.get("wheel")),
                Boolean.TRUE.equals(m.get("yanked")), strings(m.get("wheel_tags")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    private static Map<String, Object> table(Map<String, Object> m, String key) {
        return asMap(m.get(key));
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
