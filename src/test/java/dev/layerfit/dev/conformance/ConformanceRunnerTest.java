package dev.layerfit.dev.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner and the CLI command on small hand-made vector folders: counts, failures, skips, exit codes. */
class ConformanceRunnerTest {

    @TempDir
    Path dir;

    private void write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void countsPassesFailuresAndSkippedScenarios() throws IOException {
        write("pep440-ordering.jsonl",
                "{\"a\": \"1.0a1\", \"b\": \"1.0\", \"cmp\": -1}",
                "{\"a\": \"1.0\", \"b\": \"1.0.0\", \"cmp\": 0}",
                "{\"a\": \"2.0\", \"b\": \"1.0\", \"cmp\": -1}");
        write("pep440-versions.jsonl", "{\"input\": \"1.0-foo-bar\", \"valid\": false}");
        write("packse/prereleases/a.toml", "name = 'a'", "[root]", "requires = ['a']", "[expected]", "satisfiable = true",
                "[expected.packages]", "a = '1.0.0'", "[packages.a.versions.'1.0.0']", "[packages.a.versions.'2.0.0b1']");
        write("packse/yanked/b.toml", "name = 'b'", "[root]", "requires = ['b']", "[expected]", "satisfiable = true",
                "[expected.packages]", "b = '2.0.0'", "[packages.b.versions.'1.0.0']",
                "[packages.b.versions.'2.0.0']", "yanked = true");
        write("packse/yanked/c.toml", "name = 'c'", "[root]", "requires = ['c']", "[expected]", "satisfiable = true",
                "[resolver_options]", "universal = true");
        write("packse/NOTICE", "not a scenario");

        ConformanceReport report = ConformanceRunner.run(dir);

        assertThat(report.files()).extracting(FileResult::file, FileResult::passed, FileResult::failed, FileResult::skipped)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pep440-versions.jsonl", 1, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("pep440-ordering.jsonl", 2, 1, 0),
                        org.assertj.core.groups.Tuple.tuple("packse/prereleases", 1, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("packse/yanked", 0, 1, 1));
        assertThat(report.files().get(3).failures().get(0).detail()).isEqualTo("expected {b=2.0.0}, got [b==1.0.0]");
        CaseFailure failure = report.files().get(1).failures().get(0);
        assertThat(failure.line()).isEqualTo(3);
        assertThat(failure.input()).isEqualTo("\"2.0\" vs \"1.0\"");
        assertThat(failure.detail()).contains("cmp(a,b): expected -1 but was 1");
        assertThat(report.ok()).isFalse();
    }

    @Test
    void bigNumbersAreReadExactly() throws IOException {
        write("pep440-versions.jsonl", "{\"input\": \"123456789012345678901234567890.1\", \"valid\": true, "
                + "\"normalized\": \"123456789012345678901234567890.1\", \"public\": \"123456789012345678901234567890.1\", "
                + "\"base_version\": \"123456789012345678901234567890.1\", \"is_prerelease\": false, \"is_postrelease\": false, "
                + "\"is_devrelease\": false, \"epoch\": 0, \"release\": [123456789012345678901234567890, 1], \"pre\": null, "
                + "\"post\": null, \"dev\": null, \"local\": null}");
        assertThat(ConformanceRunner.run(dir).ok()).isTrue();
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        write("pep440-filter.jsonl", "{not json");
        assertThatThrownBy(() -> ConformanceRunner.run(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("pep440-filter.jsonl:1");
    }

    @Test
    void missingDirectoryIsBadInput() {
        assertThatThrownBy(() -> ConformanceRunner.run(dir.resolve("nope"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void commandPrintsJsonAndExitsOneOnFailure() throws IOException {
        write("pep440-ordering.jsonl", "{\"a\": \"2.0\", \"b\": \"1.0\", \"cmp\": -1}");
        CliRun run = CliRun.of("dev", "conformance", dir.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("files").get(0).get("file").asText()).isEqualTo("pep440-ordering.jsonl");
        assertThat(json.get("files").get(0).get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("files").get(0).get("passed").asInt()).isZero();
    }

    @Test
    void commandTextShowsFailuresAndExitsZeroWhenAllPass() throws IOException {
        write("pep440-ordering.jsonl", "{\"a\": \"1.0\", \"b\": \"1.0.0\", \"cmp\": 0}");
        CliRun run = CliRun.of("dev", "conformance", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("pep440-ordering.jsonl").contains("passed      1").contains("all cases passed");

        write("pep440-ordering.jsonl", "{\"a\": \"1.1\", \"b\": \"1.0.0\", \"cmp\": 0}");
        CliRun again = CliRun.of("dev", "conformance", dir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).contains("FAIL pep440-ordering.jsonl:1 \"1.1\" vs \"1.0.0\"").contains("1 cases failed");
    }
}
