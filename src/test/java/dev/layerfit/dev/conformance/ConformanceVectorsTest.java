package dev.layerfit.dev.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every line of the shared conformance vectors (computed with pypa/packaging 26.2) as its own test,
 * named by its input. Skips, saying why, when the vectors are not on this machine.
 */
class ConformanceVectorsTest {

    static Optional<Path> vectorsDir() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("LAYERFIT_CONFORMANCE_DIR");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        String repo = System.getProperty("layerfit.repo");
        if (repo != null) {
            candidates.add(Path.of(repo).resolve("../shared/testdata/conformance").normalize());
        }
        candidates.add(Path.of("/work/shared/testdata/conformance"));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("pep440-versions.jsonl"))).findFirst();
    }

    @TestFactory
    Stream<DynamicContainer> everyVector() {
        Optional<Path> dir = vectorsDir();
        Assumptions.assumeTrue(dir.isPresent(), "conformance vectors not found: looked at $LAYERFIT_CONFORMANCE_DIR, "
                + "${layerfit.repo}/../shared/testdata/conformance and /work/shared/testdata/conformance");
        ConformanceRunner runner = ConformanceRunner.over(dir.get());
        return runner.fileNames().stream().map(file -> {
            List<ConformanceCase> cases = runner.cases(file);
            return DynamicContainer.dynamicContainer(file, cases.stream().map(c ->
                    DynamicTest.dynamicTest(c.name(), () -> assertThat(c.run()).as(c.name()).isEmpty())));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyFileIsPresentAndNonEmpty() {
        Optional<Path> dir = vectorsDir();
        Assumptions.assumeTrue(dir.isPresent(), "conformance vectors not found");
        ConformanceRunner runner = ConformanceRunner.over(dir.get());
        return runner.fileNames().stream().map(file -> DynamicTest.dynamicTest(file,
                () -> assertThat(runner.cases(file)).as(file).isNotEmpty()));
    }
}
