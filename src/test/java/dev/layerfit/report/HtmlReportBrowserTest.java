package dev.layerfit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.CliRun;
import dev.layerfit.check.ChaliceChecks;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.check.DeploymentCheck;
import dev.layerfit.inventory.DistributionUsage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of the bundled example in headless Chromium with every network path closed, reads the
 * treemap from the DOM, clicks a box with a real mouse event (DevTools {@code Input.dispatchMouseEvent}) and
 * saves screenshots under {@code target/html-report/}. Skips when Chromium is not installed.
 */
class HtmlReportBrowserTest {

    private static final Path REPO = Path.of(System.getProperty("layerfit.repo", "")).toAbsolutePath();
    private static final Path OUT = REPO.resolve("target/html-report");
    private static final String BOXES = "Array.from(document.querySelectorAll('#treemap .box.d1')).map(e => {"
            + " const r = e.getBoundingClientRect(); return {id: e.dataset.id, name: e.dataset.name,"
            + " bytes: Number(e.dataset.bytes), x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height}; })";

    @TempDir
    Path tmp;

    @Test
    void exampleTreemapShowsTheArtifactsWithExactBytesAndZoomsIntoTheClickedOne() throws Exception {
        Path project = REPO.resolve("examples/seed-app");
        Path html = OUT.resolve("example-check.html");
        CliRun run = CliRun.of("check", project.toString(), "--stage", "prod", "--html", html.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // the example does not fit
        CheckResult expected = ChaliceChecks.first(project, "prod", null, List.of(), null, null);

        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text.length()).as("HTML size").isLessThan(2_000_000);
        assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain("http:", "https:", "src=", "href=", "url(",
                "@import", "//cdn");

        String chromium = onPath("chromium", "chromium-browser", "google-chrome");
        assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium): browser checks skipped");

        // Chromium's profile lives in a folder of its own, deleted best-effort afterwards: its helper processes
        // may still hold files for a moment, which must not fail the test.
        Path browserDir = Files.createTempDirectory("layerfit-chromium");
        try (DevToolsSession page = DevToolsSession.start(chromium, browserDir.resolve("profile"), 1400, 1000)) {
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                page.sendOnPage(domain + ".enable", DevToolsSession.obj());
            }
            page.sendOnPage("Page.navigate", DevToolsSession.obj().put("url", html.toUri().toString()));
            page.awaitEvent("Page.loadEventFired");
            page.evaluate("document.getElementById('treemap').scrollIntoView()");

            Map<String, Long> expectedArtifacts = new LinkedHashMap<>();
            expected.artifacts().forEach(a -> expectedArtifacts.put(a.name(), a.unzippedBytes()));
            JsonNode top = page.evaluate(BOXES);
            assertThat(namesToBytes(top)).containsExactlyInAnyOrderEntriesOf(expectedArtifacts);
            assertThat(page.evaluate("document.getElementById('treemap').dataset.currentBytes").asLong())
                    .isEqualTo(expected.verdict().totalUnzippedBytes());
            assertThat(page.evaluate("Array.from(document.querySelectorAll('.limitbar .seg')).map(e => Number(e.dataset.bytes))"
                    + ".reduce((a, b) => a + b, 0)").asLong()).isEqualTo(expected.verdict().totalUnzippedBytes());
            screenshot(page, OUT.resolve("example-treemap.png"));

            DeploymentArtifact managed = expected.artifacts().get(0);
            JsonNode box = box(top, managed.name());
            page.click(box.get("x").asDouble(), box.get("y").asDouble());

            assertThat(page.evaluate("document.getElementById('treemap').dataset.current").asText())
                    .isEqualTo(box.get("id").asText());
            assertThat(page.evaluate("location.hash").asText()).isEqualTo("#zoom=" + box.get("id").asText());
            Map<String, Long> distributions = new LinkedHashMap<>();
            for (DistributionUsage d : managed.inventory().distributions()) {
                if (d.bytes() > 0) {
                    distributions.merge(d.version() == null ? d.name() : d.name() + " " + d.version(), d.bytes(), Long::sum);
                }
            }
            JsonNode zoomed = page.evaluate(BOXES);
            assertThat(namesToBytes(zoomed)).containsExactlyInAnyOrderEntriesOf(distributions);
            assertThat(page.evaluate("Array.from(document.querySelectorAll('#crumbs button')).map(b => b.dataset.id)").size())
                    .isEqualTo(2);
            screenshot(page, OUT.resolve("example-treemap-zoomed.png"));

            assertThat(page.events(e -> e.path("method").asText().equals("Runtime.exceptionThrown")
                    || e.path("method").asText().equals("Runtime.consoleAPICalled")
                            && List.of("error", "assert").contains(e.path("params").path("type").asText())
                    || e.path("method").asText().equals("Log.entryAdded")
                            && e.path("params").path("entry").path("level").asText().equals("error")))
                    .as("console errors").isEmpty();
            assertThat(page.events(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                    .stream().map(e -> e.path("params").path("request").path("url").asText())
                    .filter(u -> !u.startsWith("file:") && !u.startsWith("data:")).toList())
                    .as("requests that left the page").isEmpty();
        } finally {
            deleteQuietly(browserDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
            // a leftover browser profile in /tmp is harmless
        }
    }

    private static Map<String, Long> namesToBytes(JsonNode boxes) {
        Map<String, Long> out = new LinkedHashMap<>();
        boxes.forEach(b -> out.merge(b.get("name").asText(), b.get("bytes").asLong(), Long::sum));
        return out;
    }

    private static JsonNode box(JsonNode boxes, String name) {
        for (JsonNode b : boxes) {
            if (b.get("name").asText().equals(name)) {
                return b;
            }
        }
        throw new AssertionError("no box named " + name + " in " + boxes);
    }

    private static void screenshot(DevToolsSession page, Path file) throws Exception {
        String png = page.sendOnPage("Page.captureScreenshot", DevToolsSession.obj().put("format", "png")).get("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    static String onPath(String... names) {
        return Stream.of(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
