package dev.layerfit.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.layer.RuleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-time user's small ones: counts in the right number, an explained "record" row, a clear unwritable path. */
class SmallMessagesTest {

    @TempDir
    Path dir;

    @Test
    void countsTakeTheRightNumber() {
        assertThat(ByteSizeFormat.count(1, "layer")).isEqualTo("1 layer");
        assertThat(ByteSizeFormat.count(5, "layer")).isEqualTo("5 layers");
        assertThat(ByteSizeFormat.count(0, "file")).isEqualTo("0 files");
        assertThat(ByteSizeFormat.count(1, "entry")).isEqualTo("1 entry");
        assertThat(ByteSizeFormat.count(1_532, "entry")).isEqualTo("1,532 entries");
        assertThat(ByteSizeFormat.count(2, "key")).isEqualTo("2 keys");
    }

    @Test
    void theRecordRowSaysWhereItsBytesComeFrom() {
        assertThat(new RuleResult("record", 132_608, 0).filesDescription()).isEqualTo("RECORD rows of the removed files")
                .doesNotContain("0 files");
        assertThat(new RuleResult("tests", 10, 1).filesDescription()).isEqualTo("1 file");
        assertThat(new RuleResult("debug-symbols", 10, 3).filesDescription()).isEqualTo("3 files stripped");
    }

    @Test
    void aReportPathThatCannotBeWrittenIsOneClearSentence() throws Exception {
        Path layer = Path.of("examples/seed-app/layers/utils.listing").toAbsolutePath();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        for (String target : new String[] {"/proc/x", "/proc/x/report.html", notAFolder + "/report.html"}) {
            CliRun run = CliRun.of("analyze", layer.toString(), "--html", target);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("layerfit: cannot write " + target + ": ").endsWith("; choose another path\n")
                    .doesNotContain("layerfit-tmp").doesNotContain("Exception");
        }
        assertThat(dir.toFile().list()).containsExactly("file");
    }
}
