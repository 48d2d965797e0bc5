package dev.layerfit.dev.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every packse resolver scenario as its own test: a local index of generated wheels, the resolver, and the
 * scenario's [expected] outcome. Out-of-scope scenarios are reported as skipped with their reason.
 */
class PackseScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        Optional<Path> dir = ConformanceVectorsTest.vectorsDir();
        Assumptions.assumeTrue(dir.isPresent(), "conformance vectors not found");
        List<Path> files = ConformanceRunner.over(dir.get()).packseScenarios();
        Assumptions.assumeFalse(files.isEmpty(), "no packse scenarios under " + dir.get());
        Path packse = dir.get().resolve("packse");
        return files.stream().map(f -> DynamicTest.dynamicTest(packse.relativize(f).toString(), () -> {
            PackseRunner.Outcome outcome = PackseRunner.run(f);
            Assumptions.assumeTrue(outcome.skipReason() == null, () -> "skipped: " + outcome.skipReason());
            assertThat(outcome.failure()).as(f.toString()).isNull();
        }));
    }

    @Test
    void aSatisfiableScenarioMustMatchItsExpectedVersions(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("wrong-expectation.toml");
        java.nio.file.Files.writeString(file, """
                name = "wrong-expectation"
                [root]
                requires = ["a"]
                [expected]
                satisfiable = true
                [expected.packages]
                a = "1.0.0"
                [packages.a.versions."1.0.0"]
                [packages.a.versions."2.0.0"]
                requires = ["b; extra == 'x'"]  # a comment
                """);
        assertThat(PackseRunner.run(file).failure()).isEqualTo("expected {a=1.0.0}, got [a==2.0.0]");
    }

    @Test
    void anUnsatisfiableScenarioFailsWhenItResolves(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("wrongly-unsat.toml");
        java.nio.file.Files.writeString(file, """
                name = "x"
                [root]
                requires = ["a"]
                [expected]
                satisfiable = false
                [packages.a.versions."1.0.0"]
                """);
        assertThat(PackseRunner.run(file).failure()).isEqualTo("expected no resolution, got [a==1.0.0]");
    }
}
