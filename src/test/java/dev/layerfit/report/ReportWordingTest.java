package dev.layerfit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.check.Advice;
import dev.layerfit.check.ChaliceChecks;
import dev.layerfit.check.CheckResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the first-time user read in the example's Markdown and HTML reports, now said once and rendered. */
class ReportWordingTest {

    private static final Path REPO = Path.of(System.getProperty("layerfit.repo", "")).toAbsolutePath();
    static CheckResult example;

    @BeforeAll
    static void check() {
        example = ChaliceChecks.first(REPO.resolve("examples/seed-app"), "prod", null, List.of(), null, null);
    }

    @Test
    void markdownSaysEachSavingOnceAndEachSizeInOneColumn() {
        String md = CheckMarkdownReport.render(example, REPO);
        assertThat(md).doesNotContain("| unzipped bytes |").doesNotContain("(saves ").doesNotContain("saves 238.6 MiB");
        assertThat(md).contains("| role | artifact | unzipped | zipped | of limit | local copy |")
                .contains("| 250,227,351 (238.6 MiB) |");
        // the saving is in the "saves" column only, not also inside the option's text
        for (Advice a : example.advice()) {
            assertThat(a.message()).doesNotContain("saves");
        }
    }

    @Test
    void htmlAdviceRendersCommandsAsCode() {
        String html = HtmlReport.of(example, REPO);
        String advice = html.substring(html.indexOf("<section id=\"advice\">"), html.indexOf("</section>", html.indexOf("<section id=\"advice\">")));
        assertThat(advice).contains("<code>layerfit build --slim safe</code>").doesNotContain("`");
        assertThat(HtmlReport.withCode("run `a <b>` then `c")).isEqualTo("run <code>a &lt;b&gt;</code> then `c");
    }

    @Test
    void theTextReportStillGivesEachSaving() {
        String text = CheckTextReport.render(example, List.of());
        assertThat(text).contains("(saves 106.8 MiB)");
    }
}
