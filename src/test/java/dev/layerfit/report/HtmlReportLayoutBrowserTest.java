package dev.layerfit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report's layout in headless Chromium at a laptop's 1400 px and a narrow 700 px, for the example that does
 * not fit and for one that fits (the limit marker then sits at the bar's right end): no horizontal overflow, the
 * legend on screen with the map, the limit label whole and clear of the artifacts' labels, commands in advice
 * rendered as code, shadowed copies faded with only the biggest waste hatched, and the discovery documents two
 * clicks from the top. Screenshots go to {@code target/html-report/}. Skips when Chromium is not installed.
 */
class HtmlReportLayoutBrowserTest {

    private static final Path REPO = Path.of(System.getProperty("layerfit.repo", "")).toAbsolutePath();
    private static final Path OUT = REPO.resolve("target/html-report");

    /** Rectangles of the limit label and every artifact label in the bar that shows text. */
    private static final String LABELS = "(() => { const r = e => { const b = e.getBoundingClientRect();"
            + " return {l: b.left, r: b.right, t: b.top, b: b.bottom, clipped: e.scrollWidth > e.clientWidth + 1}; };"
            + " return {limit: r(document.querySelector('.limitline span')),"
            + " segs: Array.from(document.querySelectorAll('.limitbar .seg span')).filter(s => s.getBoundingClientRect().width > 8)"
            + ".map(r)}; })()";

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"check, 1400", "check, 700", "fits, 1400", "fits, 700"})
    void reportLayoutHoldsAtLaptopAndNarrowWidths(String which, int width) throws Exception {
        Path html = OUT.resolve("layout-" + which + "-" + width + ".html");
        CliRun run = which.equals("check")
                ? CliRun.of("check", REPO.resolve("examples/seed-app").toString(), "--stage", "prod", "--function", "api_handler", "--html", html.toString())
                : CliRun.of("analyze", REPO.resolve("examples/seed-app/layers/utils.listing").toString(), "--html", html.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);

        String chromium = HtmlReportBrowserTest.onPath("chromium", "chromium-browser", "google-chrome");
        assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium): browser checks skipped");
        Path browserDir = Files.createTempDirectory("layerfit-chromium");
        try (DevToolsSession page = DevToolsSession.start(chromium, browserDir.resolve("profile"), width, 900)) {
            page.sendOnPage("Page.enable", DevToolsSession.obj());
            page.sendOnPage("Page.navigate", DevToolsSession.obj().put("url", html.toUri().toString()));
            page.awaitEvent("Page.loadEventFired");

            assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                    .as("horizontal overflow: page %s px wide in a %s px window",
                            page.evaluate("document.documentElement.scrollWidth").asInt(), width).isTrue();

            JsonNode labels = page.evaluate(LABELS);
            JsonNode limit = labels.get("limit");
            assertThat(limit.get("clipped").asBoolean()).as("limit label clipped").isFalse();
            assertThat(limit.get("l").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(limit.get("r").asDouble()).isLessThanOrEqualTo(width);
            for (JsonNode seg : labels.get("segs")) {
                boolean overlap = seg.get("l").asDouble() < limit.get("r").asDouble() && limit.get("l").asDouble() < seg.get("r").asDouble()
                        && seg.get("t").asDouble() < limit.get("b").asDouble() && limit.get("t").asDouble() < seg.get("b").asDouble();
                assertThat(overlap).as("limit label %s overlaps an artifact label %s", limit, seg).isFalse();
            }

            // the legend is on screen together with the map when the map is brought into view
            page.evaluate("document.getElementById('treemap').scrollIntoView({block: 'end'})");
            JsonNode legend = page.evaluate("(() => { const b = document.querySelector('#map .legend').getBoundingClientRect();"
                    + " return {t: b.top, b: b.bottom}; })()");
            assertThat(legend.get("t").asDouble()).as("legend top").isGreaterThanOrEqualTo(0);
            assertThat(legend.get("b").asDouble()).as("legend bottom").isLessThanOrEqualTo(900);
            screenshot(page, OUT.resolve("layout-" + which + "-" + width + ".png"));

            if (which.equals("check")) {
                String advice = page.evaluate("document.getElementById('advice').innerText").asText();
                assertThat(advice).contains("layerfit build").doesNotContain("`");
                assertThat(page.evaluate("document.querySelectorAll('#advice code').length").asInt()).isPositive();

                // shadowed copies are faded; only the biggest waste is hatched
                JsonNode marks = page.evaluate("(() => { const all = Array.from(document.querySelectorAll('#treemap .box.shadowed'));"
                        + " return {shadowed: all.length, hatched: all.filter(e => getComputedStyle(e).backgroundImage !== 'none').length,"
                        + " faded: all.filter(e => Number(getComputedStyle(e).opacity) < 1).length}; })()");
                assertThat(marks.get("shadowed").asInt()).isGreaterThan(3);
                assertThat(marks.get("hatched").asInt()).isBetween(1, 3);
                assertThat(marks.get("faded").asInt()).isEqualTo(marks.get("shadowed").asInt() - marks.get("hatched").asInt());

                // googleapiclient's 532 discovery documents: three clicks from the top (they were five), as a click on
                // a box drawn inside another zooms straight into it
                clickInner(page, "shuking-ai-layer:5", "google-api-python-client 2.201.0");
                assertThat(page.evaluate("document.getElementById('treemap').dataset.currentName").asText())
                        .isEqualTo("google-api-python-client 2.201.0");
                clickInner(page, "googleapiclient", "discovery_cache");
                assertThat(page.evaluate("document.getElementById('treemap').dataset.currentName").asText()).isEqualTo("discovery_cache");
                clickInner(page, "documents", null);
                assertThat(page.evaluate("document.getElementById('treemap').dataset.currentName").asText()).isEqualTo("documents");
                assertThat(page.evaluate("document.querySelectorAll('#treemap .box.d1').length").asInt()).isEqualTo(532);
            }
        } finally {
            try (var walk = Files.walk(browserDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                // a leftover browser profile in /tmp is harmless
            }
        }
    }

    /** Clicks the box named {@code inner} drawn inside the top-level box named {@code outer} (or that box, for null). */
    private static void clickInner(DevToolsSession page, String outer, String inner) throws Exception {
        JsonNode at = page.evaluate("(() => { const o = Array.from(document.querySelectorAll('#treemap .box.d1'))"
                + ".find(e => e.dataset.name === " + quote(outer) + "); const i = " + (inner == null ? "o" : "o && Array.from(o.querySelectorAll('.box.d2'))"
                + ".find(e => e.dataset.name === " + quote(inner) + ")") + "; if (!i) return null; i.scrollIntoView({block: 'nearest'});"
                + " const b = i.getBoundingClientRect(); return " + (inner == null ? "{x: b.left + 6, y: b.top + 8}"
                : "{x: b.left + b.width / 2, y: b.top + b.height / 2}") + "; })()");
        assertThat(at.isNull()).as("no box %s inside %s", inner, outer).isFalse();
        page.click(at.get("x").asDouble(), at.get("y").asDouble());
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void screenshot(DevToolsSession page, Path file) throws Exception {
        String png = page.sendOnPage("Page.captureScreenshot", DevToolsSession.obj().put("format", "png")).get("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

}
