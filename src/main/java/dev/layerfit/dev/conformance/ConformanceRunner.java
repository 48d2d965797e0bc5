package dev.layerfit.dev.conformance;

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

/**
 * Runs the packaging conformance vectors in a directory laid out like {@code testdata/conformance}: one
 * checker per {@code .jsonl} file, and the {@code packse/} resolver scenarios through the resolver on a
 * generated local index (one result row per scenario category).
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
        results.addAll(runPackse());
        return new ConformanceReport(results);
    }

    /** The packse resolver scenarios (TOML files under packse/), sorted by path. */
    public List<Path> packseScenarios() {
        return PackseRunner.scenarios(dir.resolve(PACKSE));
    }

    /** Runs every packse scenario; one result row per category folder ("packse/yanked", ...). */
    private List<FileResult> runPackse() {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        Map<String, List<CaseFailure>> failures = new java.util.HashMap<>();
        Path packse = dir.resolve(PACKSE);
        for (Path file : packseScenarios()) {
            String row = PACKSE + "/" + packse.relativize(file.getParent()).toString().replace('\\', '/');
            int[] c = counts.computeIfAbsent(row, k -> new int[3]);
            PackseRunner.Outcome outcome = PackseRunner.run(file);
            if (outcome.skipReason() != null) {
                c[2]++;
            } else if (outcome.failure() != null) {
                c[1]++;
                failures.computeIfAbsent(row, k -> new ArrayList<>()).add(new CaseFailure(
                        dir.relativize(file).toString(), 0, file.getFileName().toString(), outcome.failure()));
            } else {
                c[0]++;
            }
        }
        List<FileResult> out = new ArrayList<>();
        counts.forEach((row, c) -> out.add(new FileResult(row, c[0], c[1], c[2], failures.getOrDefault(row, List.of()))));
        return out;
    }

    /** The number of packse scenario files. */
    public int packseScenarioCount() {
        return packseScenarios().size();
    }
}
