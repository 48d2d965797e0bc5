package dev.layerfit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.check.ChaliceChecks;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentCheck;
import dev.layerfit.lambda.LimitCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GithubReportTest {

    private static final Path REPO = Path.of(System.getProperty("layerfit.repo", "")).toAbsolutePath();
    private static CheckResult example;

    @TempDir
    Path tmp;

    @BeforeAll
    static void checkExample() {
        example = ChaliceChecks.first(REPO.resolve("examples/seed-app"), "prod", null, List.of(), null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "50% done;50%25 done;50%25 done",
        "a:b,c;a:b,c;a%3Ab%2Cc",
        "%0A literal;%250A literal;%250A literal",
        "plain text;plain text;plain text"})
    void escapesDataAndPropertiesAsGithubDoes(String raw, String data, String property) {
        assertThat(GithubReport.escapeData(raw)).isEqualTo(data);
        assertThat(GithubReport.escapeProperty(raw)).isEqualTo(property);
    }

    @Test
    void lineBreaksNeverSplitACommand() {
        assertThat(GithubReport.escapeData("one\r\ntwo\nthree")).isEqualTo("one%0D%0Atwo%0Athree");
        assertThat(GithubReport.command("error", "a,b.json", "t: x", "m\nn"))
                .isEqualTo("::error file=a%2Cb.json,title=t%3A x::m%0An");
    }

    @Test
    void exampleGetsOneErrorPerFailedLimitAndAwsErrorAndWarningsForTheTopAdvice() {
        List<String> lines = GithubReport.annotations(example, REPO);
        long failedLimits = example.verdict().checks().stream().filter(c -> !c.ok()).count();
        int awsErrors = example.verdict().predictedErrors().size();

        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r")
                .matches("::(error|warning) file=examples/seed-app/\\.chalice/config\\.json,title=[^:,]+::.+"));
        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize((int) (failedLimits + awsErrors));
        assertThat(lines.stream().filter(l -> l.startsWith("::warning "))).hasSize(GithubReport.TOP_ADVICE);
        assertThat(lines).contains("::error file=examples/seed-app/.chalice/config.json,title=layerfit%3A "
                + LimitCheck.UNZIPPED_TOTAL + " exceeded::function + layers unzip to 540,874,912 bytes; Lambda needs under "
                + "262,144,000 (over by 278,730,913 bytes, 265.8 MiB)");
        assertThat(lines).anyMatch(l -> l.startsWith("::error ") && l.contains("title=AWS would answer RequestEntityTooLargeException::"
                + "Zipped size must be smaller than 52428800 bytes%0Abecause "));
        assertThat(lines.get(lines.size() - GithubReport.TOP_ADVICE))
                .contains("title=layerfit advice%3A " + example.advice().get(0).id());
    }

    @Test
    void summaryIsAppendedToTheFileNamedByTheEnvironment() throws Exception {
        Path summary = tmp.resolve("step-summary.md");
        Files.writeString(summary, "## an earlier step\n\n");
        StringWriter out = new StringWriter();

        GithubReport.write(example, REPO, new PrintWriter(out, true), Map.of(GithubReport.STEP_SUMMARY, summary.toString())::get);

        String text = Files.readString(summary);
        assertThat(text).startsWith("## an earlier step\n\n### layerfit check: Chalice app shuking-backend, stage prod, function api\\_handler\n\n**DOES NOT FIT**")
                .contains("| `unzipped-total` | function + all layers, unzipped | 540,874,912 bytes | under 262,144,000 bytes | **FAIL** |")
                .contains("| managed layer | shuking-backend-prod-managed-layer | 250,227,351 |")
                .contains("| 1 | managed layer is 57.5 MiB zipped");
        assertThat(out.toString().lines()).hasSize(GithubReport.annotations(example, REPO).size());
    }

    @Test
    void withoutTheVariableNoSummaryIsWritten() {
        StringWriter out = new StringWriter();
        GithubReport.write(example, REPO, new PrintWriter(out, true), Map.<String, String>of()::get);
        assertThat(out.toString()).startsWith("::error ");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void checkPrintsTheCommandsAfterItsReportAndKeepsStdoutJsonOnlyWithJson() {
        CliRun text = CliRun.of("check", REPO.resolve("examples/seed-app").toString(), "--stage", "prod", "--github");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("DOES NOT FIT").contains("\n::error file=").contains("\n::warning file=");

        CliRun json = CliRun.of("check", REPO.resolve("examples/seed-app").toString(), "--stage", "prod", "--github", "--json");
        assertThat(json.out()).startsWith("{").doesNotContain("::error");
        assertThat(json.err()).contains("::error file=");
    }
}
