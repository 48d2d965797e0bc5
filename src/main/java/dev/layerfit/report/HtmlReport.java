package dev.layerfit.report;

import dev.layerfit.lambda.ByteSizeFormat;
import static dev.layerfit.lambda.ByteSizeFormat.grouped;
import static dev.layerfit.lambda.ByteSizeFormat.human;
import static dev.layerfit.lambda.ByteSizeFormat.percent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.check.Advice;
import dev.layerfit.check.ArtifactAnalysis;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.deployment.LeftOut;
import dev.layerfit.inventory.Category;
import dev.layerfit.inventory.DistributionCopy;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.Inventory;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.PredictedError;
import dev.layerfit.lambda.Quota;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTML report of {@code check --html} and {@code analyze --html}: one self-contained page (style, script
 * and data inline; it loads nothing from anywhere) with a bar of the total against the 250 MiB limit, a
 * zoomable treemap (artifact → distribution → folder → file, coloured by category), duplicates and advice.
 * Exact bytes are in {@code data-bytes} attributes; the treemap is drawn by {@code treemap.js}.
 */
public final class HtmlReport {

    private static final long LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final int MAX_DUPLICATES_SHOWN = 25;
    /** Shadowed copies are drawn faded; those of the distributions wasting the most bytes are also hatched. */
    private static final int BIGGEST_WASTE_HATCHED = 3;

    private final StringBuilder html = new StringBuilder(1 << 16);

    private HtmlReport() {
    }

    /** One artifact in the bar and the tables. */
    private record Row(String name, String role, String source, long unzipped, long zipped) {
    }

    /**
     * The page for a checked deployment: with several functions, the page of the one with the largest total
     * (the others are in the text, JSON and Markdown reports).
     */
    public static String of(DeploymentResult d, Path base) {
        CheckResult single = d.single();
        LeftOut leftOut = d.deployment().leftOut();
        if (single != null) {
            return of(single, base, leftOut);
        }
        String title = d.deployment().description();
        List<TreemapTree.Group> groups = new ArrayList<>();
        for (CheckResult r : d.checked()) {
            List<String> names = r.artifacts().stream().map(DeploymentArtifact::name).toList();
            List<Map<DistributionUsage, TreemapTree.DuplicateMark>> marks = marks(r.duplicates(),
                    r.artifacts().stream().map(DeploymentArtifact::inventory).toList(), names);
            List<TreemapTree.Part> parts = new ArrayList<>();
            for (int i = 0; i < r.artifacts().size(); i++) {
                DeploymentArtifact a = r.artifacts().get(i);
                parts.add(new TreemapTree.Part(a.name() + (a.shared() ? " (shared)" : ""), role(a), a.unzippedBytes(),
                        a.inventory(), marks.get(i)));
            }
            groups.add(new TreemapTree.Group(r.functionName(), parts));
        }
        HtmlReport page = new HtmlReport();
        page.head("layerfit check — " + title);
        long failing = d.functions().stream().filter(f -> !f.fits()).count();
        LeftOutSection.Headline headline = LeftOutSection.headline(d, failing == 0, failing == 0 ? "every function fits"
                : failing + " of " + d.functions().size() + " functions fail");
        page.html.append("<header><h1>layerfit check: ").append(esc(title)).append("</h1>\n<p class=\"verdict ")
                .append(headline.cssClass()).append("\">").append(esc(headline.text())).append("</p>\n</header>\n");
        page.html.append(LeftOutSection.html(leftOut));
        page.html.append("<section id=\"functions\"><h2>Functions</h2>\n<table class=\"artifacts\"><thead><tr>")
                .append("<th>function</th><th class=\"num\">layers</th><th class=\"num\">unzipped bytes</th>")
                .append("<th class=\"num\">of 250 MiB</th><th>verdict</th></tr></thead><tbody>\n");
        for (FunctionResult f : d.functions()) {
            page.html.append("<tr><td>").append(esc(f.function().name())).append("</td>");
            if (f.checked()) {
                CheckResult r = f.result();
                long total = r.verdict().totalUnzippedBytes();
                page.html.append("<td class=\"num\">").append(r.artifacts().stream().filter(a -> a.role().isLayer()).count())
                        .append("</td><td class=\"num\" data-bytes=\"").append(total).append("\">").append(grouped(total))
                        .append("</td><td class=\"num\">").append(percent(total, LIMIT)).append("</td><td>")
                        .append(r.fits() ? "fits" : "does not fit: " + esc(failedLimits(r))).append("</td></tr>\n");
            } else {
                page.html.append("<td></td><td></td><td></td><td>").append(esc(f.notChecked())).append("</td></tr>\n");
            }
        }
        page.html.append("</tbody></table>\n</section>\n");
        page.treemap(title, List.of());
        for (CheckResult r : d.checked()) {
            if (!r.fits()) {
                page.html.append("<h2>").append(esc(r.functionName())).append("</h2>\n");
                page.limits(r);
                page.advice(r);
            }
        }
        return page.finish(TreemapTree.ofFunctions(title, groups));
    }

    /** The page for a checked function; paths are shown relative to {@code base}. */
    public static String of(CheckResult r, Path base) {
        return of(r, base, new LeftOut());
    }

    /** The page for a checked function, with what the packager leaves out of it (its verdict says so). */
    private static String of(CheckResult r, Path base, LeftOut leftOut) {
        List<Row> rows = new ArrayList<>();
        List<TreemapTree.Part> parts = new ArrayList<>();
        List<String> names = r.artifacts().stream().map(DeploymentArtifact::name).toList();
        List<Map<DistributionUsage, TreemapTree.DuplicateMark>> marks = marks(r.duplicates(),
                r.artifacts().stream().map(DeploymentArtifact::inventory).toList(), names);
        for (int i = 0; i < r.artifacts().size(); i++) {
            DeploymentArtifact a = r.artifacts().get(i);
            String role = role(a);
            rows.add(new Row(a.name(), role, ReportFile.relative(base, a.source()), a.unzippedBytes(), a.artifact().zippedBytes()));
            parts.add(new TreemapTree.Part(a.name(), role, a.unzippedBytes(), a.inventory(), marks.get(i)));
        }
        String title = CheckMarkdownReport.plainTitle(r);
        HtmlReport page = new HtmlReport();
        page.head("layerfit check — " + title);
        page.html.append("<header><h1>layerfit check: ").append(esc(title)).append("</h1>\n<p class=\"sub\">")
                .append(esc(CheckMarkdownReport.definedIn(r, base))).append("</p>\n");
        page.verdict(r.fits(), r.verdict().totalUnzippedBytes(), r.fits() ? "" : failedLimits(r), leftOut);
        page.html.append("</header>\n");
        page.html.append(LeftOutSection.html(leftOut));
        page.bar(rows);
        page.treemap(title, parts);
        page.limits(r);
        page.advice(r);
        page.duplicates(r.duplicates(), names);
        return page.finish(TreemapTree.of(title, parts));
    }

    /** The page for artifacts analysed together; paths are shown relative to {@code base}. */
    public static String of(ArtifactAnalysis analysis, Path base) {
        List<Row> rows = new ArrayList<>();
        List<TreemapTree.Part> parts = new ArrayList<>();
        List<String> names = analysis.artifacts().stream().map(a -> ReportFile.relative(base, a.ref())).toList();
        List<Map<DistributionUsage, TreemapTree.DuplicateMark>> marks = marks(analysis.duplicates(),
                analysis.artifacts().stream().map(ArtifactAnalysis.Analyzed::inventory).toList(), names);
        long total = 0;
        for (int i = 0; i < analysis.artifacts().size(); i++) {
            ArtifactAnalysis.Analyzed a = analysis.artifacts().get(i);
            rows.add(new Row(names.get(i), "artifact", names.get(i), a.artifact().unzippedBytes(), a.artifact().zippedBytes()));
            parts.add(new TreemapTree.Part(names.get(i), "artifact", a.artifact().unzippedBytes(), a.inventory(), marks.get(i)));
            total += a.artifact().unzippedBytes();
        }
        String title = names.size() == 1 ? names.get(0) : names.size() + " artifacts";
        HtmlReport page = new HtmlReport();
        page.head("layerfit analyze — " + title);
        page.html.append("<header><h1>layerfit analyze: ").append(esc(title)).append("</h1>\n");
        page.verdict(total < LIMIT, total, "", new LeftOut());
        page.html.append("</header>\n");
        page.bar(rows);
        page.treemap(title, parts);
        page.duplicates(analysis.duplicates(), names);
        return page.finish(TreemapTree.of(title, parts));
    }

    private static String role(DeploymentArtifact a) {
        return switch (a.role()) {
            case MANAGED_LAYER -> "managed layer";
            case LAYER -> "layer";
            case FUNCTION -> "function";
        };
    }

    private static String failedLimits(CheckResult r) {
        return r.verdict().checks().stream().filter(c -> !c.ok()).map(LimitCheck::name).distinct()
                .collect(Collectors.joining(", "));
    }

    /** For each artifact, its distributions that are also elsewhere, with whether this copy is the one imported. */
    private static List<Map<DistributionUsage, TreemapTree.DuplicateMark>> marks(DuplicateReport report,
            List<Inventory> inventories, List<String> names) {
        List<Map<DistributionUsage, TreemapTree.DuplicateMark>> out = new ArrayList<>();
        inventories.forEach(i -> out.add(new IdentityHashMap<>()));
        java.util.Set<DuplicateDistribution> biggest = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        report.distributions().stream().sorted(java.util.Comparator.comparingLong(DuplicateDistribution::wastedBytes).reversed())
                .limit(BIGGEST_WASTE_HATCHED).forEach(biggest::add);
        for (DuplicateDistribution d : report.distributions()) {
            DistributionCopy used = d.used();
            for (DistributionCopy c : d.copies()) {
                Inventory inv = inventories.get(c.artifactIndex());
                String others = d.copies().stream().filter(o -> o != c).map(o -> names.get(o.artifactIndex()))
                        .distinct().collect(Collectors.joining(", "));
                String note = c == used
                        ? "also in " + others + "; this copy is the one imported (the others waste their bytes)"
                        : "also in " + others + "; this copy is shadowed by the one in " + names.get(used.artifactIndex())
                                + ", so its bytes are wasted";
                for (DistributionUsage u : inv.distributions()) {
                    if (u.siteRoot().equals(c.siteRoot()) && ProjectName.canonicalize(u.name()).equals(d.distribution())) {
                        out.get(c.artifactIndex()).put(u, new TreemapTree.DuplicateMark(c == used, c != used && biggest.contains(d), note));
                    }
                }
            }
        }
        return out;
    }

    private void head(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n")
                .append(resource("report.css")).append("</style>\n</head>\n<body>\n");
    }

    private void verdict(boolean fits, long total, String failed, LeftOut leftOut) {
        String sizes;
        if (fits) {
            sizes = grouped(total) + " bytes unzipped, " + human(LIMIT - total) + " under the 250 MiB limit (262,144,000 bytes)";
        } else {
            sizes = grouped(total) + " bytes unzipped" + (total >= LIMIT ? ", " + grouped(total - LIMIT + 1) + " bytes ("
                    + human(total - LIMIT + 1) + ") over the 250 MiB limit" : "") + (failed.isEmpty() ? "" : "; failed: " + failed);
        }
        LeftOutSection.Headline h = LeftOutSection.headline(fits, sizes, leftOut, "the function");
        html.append("<p class=\"verdict ").append(h.cssClass()).append("\" data-total-bytes=\"").append(total).append("\">")
                .append(esc(h.text())).append("</p>\n");
    }

    private void bar(List<Row> rows) {
        long total = rows.stream().mapToLong(Row::unzipped).sum();
        double scale = Math.max(total, LIMIT);
        html.append("<section id=\"limit\"><h2>Unzipped total against the limit</h2>\n")
                .append("<div class=\"limitbar\" data-total-bytes=\"").append(total).append("\" data-limit-bytes=\"")
                .append(LIMIT).append("\">\n");
        int i = 0;
        for (Row r : rows) {
            String tip = r.name() + ": " + grouped(r.unzipped()) + " bytes, " + percent(r.unzipped(), LIMIT) + " of the limit";
            html.append("<div class=\"seg s").append(i++ % 6).append("\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.4f", 100.0 * r.unzipped() / scale)).append("%\" data-name=\"")
                    .append(esc(r.name())).append("\" data-bytes=\"").append(r.unzipped()).append("\" title=\"")
                    .append(esc(tip)).append("\"><span>").append(esc(r.name())).append("</span></div>");
        }
        double at = 100.0 * LIMIT / scale;
        // the label sits above the bar, on the side of the line that has room (at 100% it would leave the page)
        html.append("\n<div class=\"limitline").append(at > 50 ? " right" : "").append("\" style=\"left:")
                .append(String.format(Locale.ROOT, "%.4f", at))
                .append("%\"><span>limit 262,144,000 bytes</span></div>\n</div>\n");
        html.append("<div class=\"scroll\"><table class=\"artifacts\"><thead><tr><th>artifact</th><th>role</th>")
                .append("<th class=\"num\">unzipped</th><th class=\"num\">zipped</th><th class=\"num\">of 250 MiB</th><th>source</th>")
                .append("</tr></thead><tbody>\n");
        i = 0;
        for (Row r : rows) {
            html.append("<tr><td><span class=\"swatch s").append(i++ % 6).append("\"></span>").append(esc(r.name()))
                    .append("</td><td>").append(esc(r.role())).append("</td><td class=\"num\" data-bytes=\"").append(r.unzipped())
                    .append("\">").append(grouped(r.unzipped())).append(" <span class=\"h\">(").append(esc(human(r.unzipped())))
                    .append(")</span></td><td class=\"num\">").append(r.zipped() < 0 ? "" : esc(human(r.zipped())))
                    .append("</td><td class=\"num\">").append(percent(r.unzipped(), LIMIT)).append("</td><td>")
                    .append(esc(r.source())).append("</td></tr>\n");
        }
        html.append("<tr class=\"total\"><td>total</td><td></td><td class=\"num\">").append(grouped(total))
                .append(" <span class=\"h\">(").append(esc(human(total))).append(")</span></td><td></td><td class=\"num\">")
                .append(percent(total, LIMIT)).append("</td><td></td></tr>\n</tbody></table></div>\n</section>\n");
    }

    private void treemap(String title, List<TreemapTree.Part> parts) {
        html.append("<section id=\"map\"><h2>What takes the space</h2>\n")
                .append("<p class=\"hint\">Click a box to zoom in (a box drawn inside another zooms straight into it); the path above "
                        + "the map zooms out (or press Escape). ")
                .append("Hover for exact bytes. Faded with a dashed red edge: a copy of a distribution that another artifact "
                        + "shadows (its bytes are wasted), hatched for the biggest waste; dotted edge: the copy that is imported.</p>\n")
                .append("<p class=\"legend\">");
        // the legend goes above the map, so it is on screen with it
        for (Category c : Category.values()) {
            html.append("<span><span class=\"swatch c").append(c.ordinal()).append("\"></span>").append(esc(c.label()))
                    .append("</span> ");
        }
        html.append("</p>\n<nav id=\"crumbs\"></nav>\n<div id=\"treemap\" role=\"figure\" aria-label=\"treemap of ")
                .append(esc(title)).append("\"></div>\n<div id=\"tip\" hidden></div>\n</section>\n");
    }

    private void limits(CheckResult r) {
        html.append("<section id=\"limits\"><h2>Limits</h2>\n<table><thead><tr><th></th><th>limit</th><th>subject</th>")
                .append("<th class=\"num\">actual</th><th class=\"num\">allowed</th></tr></thead><tbody>\n");
        for (LimitCheck c : r.verdict().checks()) {
            boolean count = c.name().equals(LimitCheck.LAYER_COUNT);
            html.append("<tr class=\"").append(c.ok() ? "ok" : "fail").append("\"><td>").append(c.ok() ? "ok" : "FAIL")
                    .append("</td><td>").append(esc(c.name())).append("</td><td>").append(esc(c.subject() == null ? "" : c.subject()))
                    .append("</td><td class=\"num\">").append(count ? ByteSizeFormat.count(c.actualBytes(), "layer") : grouped(c.actualBytes()))
                    .append("</td><td class=\"num\">").append(count ? "at most " + c.limitBytes() : (c.name()
                            .equals(LimitCheck.UNZIPPED_TOTAL) ? "under " : "at most ") + grouped(c.limitBytes()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (!r.verdict().predictedErrors().isEmpty()) {
            html.append("<h3>The AWS error a deploy would meet</h3>\n<ul class=\"errors\">\n");
            for (PredictedError e : r.verdict().predictedErrors()) {
                html.append("<li><code>").append(esc(e.error().exceptionName() + ": " + e.message())).append("</code><br>because ")
                        .append(esc(e.why())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private void advice(CheckResult r) {
        if (r.advice().isEmpty()) {
            return;
        }
        html.append("<section id=\"advice\"><h2>What to do, by bytes saved</h2>\n<table><thead><tr><th>#</th>")
                .append("<th class=\"num\">saves</th><th>what</th><th>change</th></tr></thead><tbody>\n");
        int n = 0;
        for (Advice a : r.advice()) {
            html.append("<tr data-advice=\"").append(esc(a.id())).append("\" data-saves-bytes=\"").append(a.savesBytes())
                    .append("\"><td>").append(++n).append("</td><td class=\"num\">")
                    .append(a.savesBytes() == 0 ? "needed" : esc(human(a.savesBytes()))).append("</td><td>")
                    .append(withCode(a.message())).append("</td><td>").append(withCode(a.action())).append("</td></tr>\n");
        }
        long total = r.verdict().totalUnzippedBytes();
        long projected = r.projectedUnzippedBytes();
        html.append("</tbody></table>\n<p>Taken together: ").append(esc(human(total))).append(" → ")
                .append(esc(human(projected))).append(projected < LIMIT ? ", which fits (" + esc(human(LIMIT - projected))
                        + " to spare)." : ", still " + esc(human(projected - LIMIT + 1)) + " over.")
                .append("</p>\n</section>\n");
    }

    private void duplicates(DuplicateReport report, List<String> names) {
        List<DuplicateDistribution> dups = report.distributions();
        if (dups.isEmpty()) {
            return;
        }
        html.append("<section id=\"duplicates\"><h2>Shipped more than once: ").append(dups.size())
                .append(" distributions, ").append(esc(human(report.wastedBytes()))).append(" wasted</h2>\n")
                .append("<table><thead><tr><th>distribution</th><th>in</th><th>imported from</th><th class=\"num\">wasted</th>")
                .append("</tr></thead><tbody>\n");
        for (DuplicateDistribution d : dups.stream().limit(MAX_DUPLICATES_SHOWN).toList()) {
            html.append("<tr><td>").append(esc(d.distribution())).append("</td><td>")
                    .append(esc(d.copies().stream().map(c -> names.get(c.artifactIndex())).distinct()
                            .collect(Collectors.joining(", "))))
                    .append("</td><td>").append(esc(names.get(d.used().artifactIndex()))).append("</td><td class=\"num\" data-bytes=\"")
                    .append(d.wastedBytes()).append("\">").append(esc(human(d.wastedBytes()))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (dups.size() > MAX_DUPLICATES_SHOWN) {
            html.append("<p>… and ").append(dups.size() - MAX_DUPLICATES_SHOWN).append(" more (--json lists all).</p>\n");
        }
        html.append("</section>\n");
    }

    private String finish(ObjectNode tree) {
        ObjectNode data = COMPACT.createObjectNode();
        data.put("limit", LIMIT);
        var cats = data.putArray("categories");
        for (Category c : Category.values()) {
            cats.add(c.label());
        }
        data.set("tree", tree);
        String json;
        try {
            json = COMPACT.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the treemap data", e);
        }
        // '<' only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the block early.
        html.append("<script type=\"application/json\" id=\"layerfit-data\">").append(json.replace("<", "\\u003c"))
                .append("</script>\n<script>\n").append(resource("treemap.js")).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the layerfit jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escaped text in which each {@code `command`} (advice writes commands in backticks) becomes {@code <code>}. */
    static String withCode(String s) {
        StringBuilder out = new StringBuilder();
        String[] parts = s.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1; // an unpaired backtick stays text
            out.append(code ? "<code>" + esc(parts[i]) + "</code>" : (i % 2 == 1 ? "`" : "") + esc(parts[i]));
        }
        return out.toString();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
