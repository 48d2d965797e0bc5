package dev.layerfit.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.error.BadInputException;
import dev.layerfit.python.tags.TargetTags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the packaging conformance vectors in a directory laid out like {@code testdata/conformance}: one
 * checker per {@code .jsonl} file; the {@code packse/} resolver scenarios are counted as skipped until a
 * resolver exists.
 */
public final class ConformanceRunner {

    static final String PACKSE = "packse";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path dir;
    private final List<CaseChecker> checkers;
    private Map<String, TargetTags> targets;

    private ConformanceRunner(Path dir) {
        this.dir = dir;
        this.checkers = List.of(
                new Pep440VersionsChecker(),
                new Pep440OrderingChecker(),
                new Pep440SpecifiersChecker(),
                new Pep440FilterChecker(),
                new Pep508RequirementsChecker(),
                new Pep508MarkersChecker(),
                new TagsChecker(),
                new WheelFilenamesChecker(this::targets));
    }

    /** The targets described in tags.jsonl (read once), for the wheel-filename checks. */
    private synchronized Map<String, TargetTags> targets() {
        if (targets == null) {
            targets = TargetMap.fromCases(cases("tags.jsonl"));
        }
        return targets;
    }

    /** A runner over {@code dir}; throws {@link BadInputException} when it is not a directory. */
    public static ConformanceRunner over(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory; pass the folder holding the conformance .jsonl files");
        }
        return new ConformanceRunner(dir);
    }

    /** Runs every case of every known file in {@code dir}. */
    public static ConformanceReport run(Path dir) {
        return over(dir).run();
    }

    /** The names of the files this runner checks, in order. */
    public List<String> fileNames() {
        return checkers.stream().map(CaseChecker::fileName).toList();
    }

    /** The cases of one file (for data-driven tests); empty when the file is absent. */
    public List<ConformanceCase> cases(String fileName) {
        CaseChecker checker = checkers.stream().filter(c -> c.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no checker for " + fileName));
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ConformanceCase> cases = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new BadInputException(file + ":" + number + ": not a JSON object (" + e.getOriginalMessage()
                            + "); fix or regenerate the file", e);
                }
                cases.add(new ConformanceCase(fileName, number, node, checker));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** Runs everything and counts. */
    public ConformanceReport run() {
        List<FileResult> results = new ArrayList<>();
        for (CaseChecker checker : checkers) {
            if (!Files.isRegularFile(dir.resolve(checker.fileName()))) {
                continue;
            }
            int passed = 0;
            List<CaseFailure> failures = new ArrayList<>();
            for (ConformanceCase c : cases(checker.fileName())) {
                Optional<String> failure = c.run();
                if (failure.isEmpty()) {
                    passed++;
                } else {
                    failures.add(new CaseFailure(c.file(), c.line(), checker.describe(c.data()), failure.get()));
                }
            }
            results.add(new FileResult(checker.fileName(), passed, failures.size(), 0, failures));
        }
        int scenarios = packseScenarioCount();
        if (scenarios > 0) {
            results.add(new FileResult(PACKSE + "/", 0, 0, scenarios, List.of()));
        }
        return new ConformanceReport(results);
    }

    /** Resolver scenarios (TOML files under packse/): skipped until the resolver exists. */
    public int packseScenarioCount() {
        Path packse = dir.resolve(PACKSE);
        if (!Files.isDirectory(packse)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(packse)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(".toml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
