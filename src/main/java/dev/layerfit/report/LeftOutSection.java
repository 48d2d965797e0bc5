package dev.layerfit.report;

import dev.layerfit.check.DeploymentResult;
import dev.layerfit.deployment.LeftOut;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the framework's packager leaves out ("Chalice will leave out"), the same in every report: the section (each
 * distribution, version, artifact and reason, then the fix) and the headline verdict it makes. A distribution missing
 * at run time is a failed check — the deploy succeeds and the function fails at import — unless {@code --allow-missing},
 * which makes it a fit with a warning; one the packager tries to build and layerfit could not tell is only reported.
 */
final class LeftOutSection {

    /** The headline's first word(s) and the rest of its sentence (no final period). */
    record Headline(String word, String detail, String cssClass) {

        String text() {
            return word + ": " + detail + ".";
        }

        String markdown() {
            return "**" + word + "**: " + detail + ".";
        }
    }

    static final String FITS = "FITS";
    static final String FITS_WITH_WARNING = "FITS, WITH A WARNING";
    static final String FAILS = "FAILS";
    static final String DOES_NOT_FIT = "DOES NOT FIT";

    private LeftOutSection() {
    }

    /**
     * The headline: {@code sizesFit} and {@code sizeDetail} are the limits' verdict ("91,604 bytes unzipped, 249.9 MiB
     * under the 250 MiB limit"), {@code who} is "the function" or "the functions".
     */
    static Headline headline(boolean sizesFit, String sizeDetail, LeftOut leftOut, String who) {
        List<LeftOut.Item> blocking = leftOut.blocking();
        if (blocking.isEmpty()) {
            return sizesFit ? new Headline(FITS, sizeDetail, "fits") : new Headline(DOES_NOT_FIT, sizeDetail, "fails");
        }
        String what = leftOut.heading() + " " + count(blocking.size()) + " (" + names(blocking) + ")";
        if (!sizesFit) {
            return new Headline(DOES_NOT_FIT, sizeDetail + "; also, " + lowerFirst(what) + (leftOut.allowed()
                    ? ", accepted by --allow-missing" : ", which " + who + " will fail to import (--allow-missing to accept)"),
                    "fails");
        }
        if (leftOut.allowed()) {
            return new Headline(FITS_WITH_WARNING, sizeDetail + "; but " + lowerFirst(what) + ", accepted by --allow-missing: "
                    + who + " will fail where " + (who.endsWith("s") ? "they import" : "it imports") + " "
                    + (blocking.size() == 1 ? "it" : "them"), "warn");
        }
        return new Headline(FAILS, sizeDetail + ", but " + lowerFirst(what) + ": the deploy succeeds and " + who
                + " will fail at import (--allow-missing to accept)", "fails");
    }

    /** The headline of a whole deployment, from the limits' verdict of its functions. */
    static Headline headline(DeploymentResult d, boolean sizesFit, String sizeDetail) {
        return headline(sizesFit, sizeDetail, d.deployment().leftOut(), d.functions().size() == 1 ? "the function" : "the functions");
    }

    private static String count(int n) {
        return n + (n == 1 ? " distribution" : " distributions");
    }

    private static String names(List<LeftOut.Item> items) {
        return items.stream().map(i -> i.distribution() + " " + i.version()).distinct().collect(Collectors.joining(", "));
    }

    private static String lowerFirst(String s) {
        // "Chalice will leave out" keeps its capital: it is a name
        return s.startsWith("Chalice") || s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The label of one item: MISSING (not in the zip at run time; ALLOWED with --allow-missing) or UNKNOWN. */
    static String label(LeftOut leftOut, LeftOut.Item item) {
        return item.blocking() ? (leftOut.allowed() ? "MISSING (allowed)" : "MISSING") : "UNKNOWN";
    }

    /** The text section, or "" when nothing is left out. */
    static String text(LeftOut leftOut) {
        List<LeftOut.Item> items = leftOut.items();
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(leftOut.heading()).append(":\n");
        for (LeftOut.Item item : items) {
            out.append("  ").append(label(leftOut, item)).append(' ').append(item.distribution()).append(' ')
                    .append(item.version()).append(" (").append(item.artifact()).append("): ").append(item.reason()).append('\n');
        }
        out.append("  Fix: ").append(leftOut.fix()).append('\n');
        if (items.stream().anyMatch(i -> !i.blocking())) {
            out.append("  (UNKNOWN: Chalice tries to build it on the deploying machine; it is not counted, and not a failure)\n");
        }
        return out.append('\n').toString();
    }

    /** The Markdown section ("## Chalice will leave out", a table, the fix), or "" when nothing is left out. */
    static String markdown(LeftOut leftOut) {
        List<LeftOut.Item> items = leftOut.items();
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## ").append(CheckMarkdownReport.inline(leftOut.heading())).append("\n\n")
                .append("| | distribution | version | artifact | reason |\n|---|---|---|---|---|\n");
        for (LeftOut.Item item : items) {
            md.append("| ").append(item.blocking() ? "**" + label(leftOut, item) + "**" : label(leftOut, item)).append(" | ")
                    .append(CheckMarkdownReport.inline(item.distribution())).append(" | ")
                    .append(CheckMarkdownReport.inline(item.version())).append(" | ")
                    .append(CheckMarkdownReport.inline(item.artifact())).append(" | ")
                    .append(CheckMarkdownReport.inline(item.reason())).append(" |\n");
        }
        md.append("\n**Fix:** ").append(CheckMarkdownReport.inline(leftOut.fix())).append("\n\n");
        if (items.stream().anyMatch(i -> !i.blocking())) {
            md.append("UNKNOWN: Chalice tries to build it on the deploying machine; it is not counted, and not a failure.\n\n");
        }
        return md.toString();
    }

    /** The HTML section ({@code <section id="left-out">}), or "" when nothing is left out. */
    static String html(LeftOut leftOut) {
        List<LeftOut.Item> items = leftOut.items();
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"left-out\"><h2>").append(HtmlReport.esc(leftOut.heading()))
                .append("</h2>\n<table><thead><tr><th></th><th>distribution</th><th>version</th><th>artifact</th><th>reason</th>")
                .append("</tr></thead><tbody>\n");
        for (LeftOut.Item item : items) {
            html.append("<tr class=\"").append(item.blocking() && !leftOut.allowed() ? "fail" : "ok").append("\"><td>")
                    .append(HtmlReport.esc(label(leftOut, item))).append("</td><td>").append(HtmlReport.esc(item.distribution()))
                    .append("</td><td>").append(HtmlReport.esc(item.version())).append("</td><td>")
                    .append(HtmlReport.esc(item.artifact())).append("</td><td>").append(HtmlReport.esc(item.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<p class=\"fix\"><strong>Fix:</strong> ").append(HtmlReport.esc(leftOut.fix())).append("</p>\n");
        if (items.stream().anyMatch(i -> !i.blocking())) {
            html.append("<p class=\"hint\">UNKNOWN: Chalice tries to build it on the deploying machine; it is not counted, and"
                    + " not a failure.</p>\n");
        }
        return html.append("</section>\n").toString();
    }
}
