package dev.layerfit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployment of 10,000 files stays a small page: tiny files are folded, every byte still counted. */
class HtmlReportSizeTest {

    @TempDir
    Path tmp;

    @Test
    void tenThousandFilesMakeAPageUnderTwoMegabytesWithExactTotals() throws IOException {
        Path zip = tmp.resolve("big-layer.zip");
        long total = 0;
        Random random = new Random(42);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < 10_000; i++) {
                String name = "python/pkg" + (i % 40) + "/sub" + (i % 7) + "/deeper" + (i % 3) + "/module_" + i + ".py";
                int size = i % 997 == 0 ? 400_000 + random.nextInt(100_000) : random.nextInt(3_000);
                out.putNextEntry(new ZipEntry(name));
                out.write(new byte[size]);
                out.closeEntry();
                total += size;
            }
        }
        Path html = tmp.resolve("out/report.html");

        CliRun run = CliRun.of("analyze", zip.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(html);
        assertThat(text.length()).isLessThan(2_000_000);
        assertThat(text).contains("small files)");
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"layerfit-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(text);
        assertThat(m.find()).isTrue();
        JsonNode tree = new ObjectMapper().readTree(m.group(1)).get("tree");
        assertThat(tree.get("b").asLong()).isEqualTo(total);
        assertThat(sumsHold(tree)).isTrue();
        assertThat(leaves(tree)).isLessThan(10_000);
        assertThat(Files.list(html.getParent())).as("no temporary file left").containsExactly(html);
    }

    /** Every node's bytes equal the sum of its children's. */
    private static boolean sumsHold(JsonNode n) {
        if (!n.has("k")) {
            return true;
        }
        long sum = 0;
        for (JsonNode c : n.get("k")) {
            if (!sumsHold(c)) {
                return false;
            }
            sum += c.get("b").asLong();
        }
        return sum == n.get("b").asLong();
    }

    private static int leaves(JsonNode n) {
        if (!n.has("k")) {
            return 1;
        }
        int count = 0;
        for (JsonNode c : n.get("k")) {
            count += leaves(c);
        }
        return count;
    }
}
