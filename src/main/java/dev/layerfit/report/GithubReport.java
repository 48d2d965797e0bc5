package dev.layerfit.report;

import dev.layerfit.lambda.ByteSizeFormat;
import static dev.layerfit.lambda.ByteSizeFormat.grouped;
import static dev.layerfit.lambda.ByteSizeFormat.human;

import dev.layerfit.check.Advice;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.lambda.Quota;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.PredictedError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code check --github}: GitHub Actions workflow commands ({@code ::error}, {@code ::warning}, {@code ::notice})
 * for every failed limit, every AWS error a deploy would meet and the top advice, and a Markdown summary
 * appended to the file named by {@code $GITHUB_STEP_SUMMARY}.
 *
 * <p>Escaping follows GitHub's workflow-command rules (as in the Actions toolkit's {@code command.ts}):
 * in a message {@code %}, CR and LF become {@code %25}, {@code %0D}, {@code %0A}; in a property value
 * {@code :} and {@code ,} also become {@code %3A} and {@code %2C}.
 */
public final class GithubReport {

    /** The environment variable naming the job summary file. */
    public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
    /** How many advice items become warnings. */
    static final int TOP_ADVICE = 3;
    private static final long LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    /** Advice becomes a warning only when the headroom under the unzipped limit is below this percentage. */
    public static final double DEFAULT_WARN_UNDER_PERCENT = 10;

    private GithubReport() {
    }

    /**
     * Prints the workflow commands to {@code out} and, when {@code env} names a summary file, appends the
     * summary to it. Paths are shown relative to {@code base}.
     */
    public static void write(DeploymentResult d, Path base, PrintWriter out, Function<String, String> env) {
        write(d, base, out, env, DEFAULT_WARN_UNDER_PERCENT);
    }

    /**
     * As {@link #write(DeploymentResult, Path, PrintWriter, Function)}; a function that fits with at least
     * {@code warnUnderPercent} of the unzipped limit to spare gets no warnings (a pull request is not the place for
     * advice it does not need).
     */
    public static void write(DeploymentResult d, Path base, PrintWriter out, Function<String, String> env, double warnUnderPercent) {
        List<CheckResult> checked = d.checked();
        var leftOut = d.deployment().leftOut();
        String who = d.functions().size() == 1 ? "the function" : "the functions";
        StringBuilder md = new StringBuilder();
        for (CheckResult r : checked) {
            annotations(r, base, warnUnderPercent, leftOut).stream()
                    .map(a -> checked.size() > 1 ? a.replaceFirst("title=", "title=" + escapeProperty(r.functionName() + ": ")) : a)
                    .forEach(out::println);
            md.append(summary(r, base, leftOut, who));
        }
        md.append(LeftOutSection.markdown(leftOut).replaceFirst("^## ", "### "));
        var where = d.deployment().functions().stream().map(f -> f.definedAt()).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        for (var item : leftOut.items()) {
            out.println(command(item.blocking() && !leftOut.allowed() ? "error" : "warning", where, base,
                    leftOut.heading() + " " + item.distribution() + " " + item.version(), item.reason() + ". " + leftOut.fix()));
        }
        for (FunctionResult f : d.functions()) {
            if (!f.checked() && f.failure() != 0) {
                out.println(command("error", f.function().definedAt(), base, "layerfit: " + f.function().name() + " was not checked",
                        f.notChecked()));
            }
        }
        out.flush();
        String summary = env.apply(STEP_SUMMARY);
        if (summary != null && !summary.isBlank()) {
            appendSummary(Path.of(summary), md.toString());
        }
    }

    /** Like {@link #write(DeploymentResult, Path, PrintWriter, Function)} for one checked function. */
    public static void write(CheckResult r, Path base, PrintWriter out, Function<String, String> env) {
        annotations(r, base, DEFAULT_WARN_UNDER_PERCENT).forEach(out::println);
        out.flush();
        String summary = env.apply(STEP_SUMMARY);
        if (summary != null && !summary.isBlank()) {
            appendSummary(Path.of(summary), summary(r, base));
        }
    }

    /** One workflow command per failed limit, predicted AWS error and top advice; a notice when it fits. */
    public static List<String> annotations(CheckResult r, Path base) {
        return annotations(r, base, DEFAULT_WARN_UNDER_PERCENT);
    }

    /**
     * The workflow commands for one function, each with the {@code file} and {@code line} of the config or template
     * entry it is about (the entry that defines the artifact for an artifact's limit, else the function's); advice
     * only when the function does not fit or has less than {@code warnUnderPercent} of the limit to spare.
     */
    public static List<String> annotations(CheckResult r, Path base, double warnUnderPercent) {
        return annotations(r, base, warnUnderPercent, new dev.layerfit.deployment.LeftOut());
    }

    /**
     * As {@link #annotations(CheckResult, Path, double)}, for a deployment whose packager leaves {@code leftOut} out: no
     * "fits" notice while that fails the check (its {@code ::error} lines say why), and "fits, with a warning" when
     * {@code --allow-missing} accepts it.
     */
    static List<String> annotations(CheckResult r, Path base, double warnUnderPercent, dev.layerfit.deployment.LeftOut leftOut) {
        SourceLocation file = entry(r);
        List<String> out = new ArrayList<>();
        for (LimitCheck c : r.verdict().checks()) {
            if (!c.ok()) {
                out.add(command("error", about(r, c, file), base, "layerfit: " + c.name() + " exceeded", describe(c)));
            }
        }
        for (PredictedError e : r.verdict().predictedErrors()) {
            out.add(command("error", file, base, "AWS would answer " + e.error().exceptionName(),
                    e.message() + "\nbecause " + e.why()));
        }
        long total = r.verdict().totalUnzippedBytes();
        double headroomPercent = 100.0 * (LIMIT - total) / LIMIT;
        boolean warn = !r.fits() || headroomPercent < warnUnderPercent;
        r.advice().stream().limit(warn ? TOP_ADVICE : 0).forEach(a -> out.add(command("warning", file, base, "layerfit advice: " + a.id()
                + (a.savesBytes() > 0 ? " (saves " + human(a.savesBytes()) + ")" : ""), a.message() + "\n→ " + a.action())));
        if (r.fits() && !leftOut.fails()) {
            out.add(command("notice", file, base, leftOut.blocking().isEmpty() ? "layerfit: the deployment fits"
                    : "layerfit: the deployment fits, with a warning (" + leftOut.heading() + " "
                            + ByteSizeFormat.count(leftOut.blocking().size(), "distribution") + ", --allow-missing)", grouped(total) + " bytes unzipped, "
                    + human(r.verdict().checks().stream().filter(c -> c.name().equals(LimitCheck.UNZIPPED_TOTAL))
                            .mapToLong(c -> c.limitBytes() - c.actualBytes()).findFirst().orElse(0)) + " to spare"));
        }
        return out;
    }

    /** The Markdown appended to the job summary: verdict, limits, artifacts and the top advice. */
    public static String summary(CheckResult r, Path base) {
        return summary(r, base, new dev.layerfit.deployment.LeftOut(), "the function");
    }

    /** As {@link #summary(CheckResult, Path)}, its verdict made with what the packager leaves out. */
    static String summary(CheckResult r, Path base, dev.layerfit.deployment.LeftOut leftOut, String who) {
        StringBuilder md = new StringBuilder("### layerfit check: ").append(CheckMarkdownReport.title(r)).append("\n\n")
                .append(CheckMarkdownReport.verdict(r, leftOut, who)).append("\n\n")
                .append(CheckMarkdownReport.limits(r)).append('\n')
                .append(CheckMarkdownReport.artifacts(r, base)).append('\n');
        if (!r.advice().isEmpty()) {
            md.append("| # | what to do | saves |\n|---:|---|---:|\n");
            int n = 0;
            for (Advice a : r.advice()) {
                md.append("| ").append(++n).append(" | ").append(CheckMarkdownReport.inline(a.message() + " → " + a.action()))
                        .append(" | ").append(a.savesBytes() == 0 ? "needed" : human(a.savesBytes())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * Where an annotation about the whole function points: the function's own entry; for a function the config does
     * not list line by line (Chalice's api_handler), the first of its artifacts' entries that has a line (the
     * managed layer's automatic_layer, a layers list); else line 1 of the function's file.
     */
    private static SourceLocation entry(CheckResult r) {
        SourceLocation f = r.function().definedAt();
        if (f != null && f.line() > 0) {
            return f;
        }
        return r.artifacts().stream().map(a -> a.spec().definedAt()).filter(l -> l != null && l.line() > 0)
                .findFirst().orElse(f == null ? null : new SourceLocation(f.file(), 1, 1));
    }

    /** The entry an artifact limit is about: the definition of the artifact it names, else the function's. */
    private static SourceLocation about(CheckResult r, LimitCheck c, SourceLocation function) {
        return r.artifacts().stream().filter(a -> c.subject() != null && c.subject().equals(a.name()) && a.spec().definedAt() != null)
                .map(a -> a.spec().definedAt()).findFirst().orElse(function);
    }

    /** {@code ::kind file=F,line=L,title=T::message}, escaped; without a location, no file or line. */
    static String command(String kind, SourceLocation at, Path base, String title, String message) {
        Map<String, String> props = new LinkedHashMap<>();
        if (at != null) {
            props.put("file", ReportFile.relative(base, at.file().toString()));
            if (at.line() > 0) {
                props.put("line", String.valueOf(at.line()));
            }
        }
        props.put("title", title);
        StringBuilder sb = new StringBuilder("::").append(kind);
        String sep = " ";
        for (Map.Entry<String, String> p : props.entrySet()) {
            sb.append(sep).append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
            sep = ",";
        }
        return sb.append("::").append(escapeData(message)).toString();
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String describe(LimitCheck c) {
        return switch (c.name()) {
            case LimitCheck.UNZIPPED_TOTAL -> "function + layers unzip to " + grouped(c.actualBytes())
                    + " bytes; Lambda needs under " + grouped(c.limitBytes()) + " (over by "
                    + grouped(c.actualBytes() - c.limitBytes() + 1) + " bytes, " + human(c.actualBytes() - c.limitBytes() + 1) + ")";
            case LimitCheck.LAYER_COUNT -> ByteSizeFormat.count(c.actualBytes(), "layer") + "; Lambda allows at most " + c.limitBytes();
            default -> c.subject() + " is " + grouped(c.actualBytes()) + " bytes zipped; a direct upload takes at most "
                    + grouped(c.limitBytes());
        };
    }

    private static void appendSummary(Path file, String markdown) {
        try {
            // the one safe-output writer: a FIFO or device given as $GITHUB_STEP_SUMMARY is refused, not blocked on
            dev.layerfit.io.AtomicFileWriter.atomic().append(file, dev.layerfit.text.Redaction.redact(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the job summary to " + file + " ($" + STEP_SUMMARY + "): "
                    + dev.layerfit.error.ExceptionWords.describe(e), e);
        }
    }
}
