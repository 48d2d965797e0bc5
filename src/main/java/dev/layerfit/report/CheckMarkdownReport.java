package dev.layerfit.report;

import dev.layerfit.lambda.ByteSizeFormat;
import static dev.layerfit.lambda.ByteSizeFormat.grouped;
import static dev.layerfit.lambda.ByteSizeFormat.human;
import static dev.layerfit.lambda.ByteSizeFormat.percent;

import dev.layerfit.check.Advice;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.deployment.LeftOut;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.PredictedError;
import dev.layerfit.lambda.Quota;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Markdown report of {@code check --markdown}: limits, every artifact with exact sizes, what pushes the
 * deployment over and the AWS error it would meet, and the options ranked by bytes saved with the change each
 * needs. Deterministic — no dates, and paths relative to a base folder — so it can be committed and compared.
 */
public final class CheckMarkdownReport {

    private static final long LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    private static final int TOP_DISTRIBUTIONS = 10;
    private static final int TOP_DUPLICATES = 10;

    private CheckMarkdownReport() {
    }

    /**
     * The report of a deployment: one function's report, or with several a table of every function followed by
     * each checked function's report.
     */
    public static String render(DeploymentResult d, Path base) {
        CheckResult single = d.single();
        LeftOut leftOut = d.deployment().leftOut();
        if (single != null) {
            return render(single, base, leftOut, "the function", true);
        }
        long failing = d.functions().stream().filter(f -> !f.fits()).count();
        StringBuilder md = new StringBuilder("# layerfit check: ").append(inline(d.deployment().description()))
                .append("\n\n").append(LeftOutSection.headline(d, failing == 0, failing == 0 ? "every function fits"
                        : failing + " of " + d.functions().size() + (failing == 1 ? " functions fails" : " functions fail"))
                        .markdown()).append("\n\n")
                .append("| function | layers | unzipped | of limit | verdict |\n|---|---:|---:|---:|---|\n");
        for (FunctionResult f : d.functions()) {
            if (f.checked()) {
                CheckResult r = f.result();
                long total = r.verdict().totalUnzippedBytes();
                md.append("| ").append(inline(f.function().name())).append(" | ")
                        .append(r.artifacts().stream().filter(a -> a.role().isLayer()).count()).append(" | ")
                        .append(human(total)).append(" | ").append(percent(total, LIMIT)).append(" | ")
                        .append(r.fits() ? "fits" : "**does not fit**").append(" |\n");
            } else {
                md.append("| ").append(inline(f.function().name())).append(" | | | | ")
                        .append(inline(f.notChecked())).append(" |\n");
            }
        }
        md.append('\n').append(LeftOutSection.markdown(leftOut));
        for (CheckResult r : d.checked()) {
            md.append(render(r, base, leftOut, "the functions", false).replaceAll("(?m)^#", "##")).append('\n');
        }
        return md.toString();
    }

    /** The whole report; paths are shown relative to {@code base} (normally the working folder). */
    public static String render(CheckResult r, Path base) {
        return render(r, base, new LeftOut(), "the function", false);
    }

    /**
     * One function's report, its verdict made with what the packager leaves out ({@code who} fails at import); the
     * "will leave out" section follows the verdict when {@code withSection}.
     */
    private static String render(CheckResult r, Path base, LeftOut leftOut, String who, boolean withSection) {
        StringBuilder md = new StringBuilder();
        md.append("# layerfit check: ").append(title(r)).append("\n\n");
        md.append("Defined in: `").append(definedIn(r, base)).append("`");
        r.artifacts().stream().filter(a -> a.role() == ArtifactRole.MANAGED_LAYER).findFirst().ifPresent(a -> md.append(
                " · the deploy adds a layer built from the project's requirements (").append(inline(a.ref())).append(")"));
        md.append("\n\n");
        md.append(verdict(r, leftOut, who)).append("\n\n");
        if (withSection) {
            md.append(LeftOutSection.markdown(leftOut));
        }
        md.append("## Limits\n\n").append(limits(r)).append('\n');
        md.append("## Artifacts\n\n").append(artifacts(r, base)).append('\n');
        overWhy(r, md);
        md.append("## Options, by bytes saved\n\n");
        options(r, md);
        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            r.notes().forEach(n -> md.append("- ").append(inline(n)).append('\n'));
            md.append('\n');
        }
        md.append("---\nSizes are exact bytes as AWS counts them (the sum of the uncompressed sizes in each zip's central ")
                .append("directory); MiB = 1,048,576 bytes; the limit is 262,144,000 bytes for the function and all its ")
                .append("layers together. Generated by `layerfit check --markdown`.\n");
        return md.toString();
    }

    /** "shuking-backend, stage prod" (and the function when one was checked). */
    static String title(CheckResult r) {
        return inline(plainTitle(r));
    }

    /** "Chalice app shuking-backend, stage prod, function api_handler", not escaped. */
    static String plainTitle(CheckResult r) {
        return r.deployment() + ", function " + r.functionName();
    }

    /** Where the function is defined ("template.yaml:12"), relative to {@code base}. */
    static String definedIn(CheckResult r, Path base) {
        var at = r.function().definedAt();
        if (at == null) {
            return r.deployment();
        }
        String file = ReportFile.relative(base, at.file().toString());
        return at.line() > 0 ? file + ":" + at.line() : file;
    }

    /** One line: FITS or DOES NOT FIT with the total and the margin. */
    static String verdict(CheckResult r) {
        return verdict(r, new LeftOut(), "the function");
    }

    /** One line, made with what the packager leaves out: FITS, FITS WITH A WARNING, FAILS or DOES NOT FIT. */
    static String verdict(CheckResult r, LeftOut leftOut, String who) {
        long total = r.verdict().totalUnzippedBytes();
        String sizes;
        if (r.fits()) {
            sizes = grouped(total) + " bytes unzipped, " + grouped(LIMIT - total) + " bytes (" + human(LIMIT - total)
                    + ") under the limit";
        } else {
            String failed = r.verdict().checks().stream().filter(c -> !c.ok()).map(c -> "`" + c.name() + "`").distinct()
                    .collect(Collectors.joining(", "));
            sizes = grouped(total) + " bytes unzipped" + (total >= LIMIT ? ", " + grouped(total - LIMIT + 1)
                    + " bytes (" + human(total - LIMIT + 1) + ") over the 262,144,000-byte limit" : "") + "; failed: " + failed;
        }
        return LeftOutSection.headline(r.fits(), sizes, leftOut, who).markdown();
    }

    /** The limits table. */
    static String limits(CheckResult r) {
        StringBuilder md = new StringBuilder("| limit | subject | actual | allowed | |\n|---|---|---:|---:|---|\n");
        for (LimitCheck c : r.verdict().checks()) {
            boolean count = c.name().equals(LimitCheck.LAYER_COUNT);
            String actual = count ? ByteSizeFormat.count(c.actualBytes(), "layer") : grouped(c.actualBytes()) + " bytes";
            String allowed = count ? "at most " + c.limitBytes()
                    : (c.name().equals(LimitCheck.UNZIPPED_TOTAL) ? "under " : "at most ") + grouped(c.limitBytes()) + " bytes";
            String subject = c.subject() != null ? c.subject() : count ? "layers of the function"
                    : "function + all layers, unzipped";
            md.append("| `").append(c.name()).append("` | ").append(inline(subject)).append(" | ").append(actual).append(" | ")
                    .append(allowed).append(" | ").append(c.ok() ? "ok" : "**FAIL**").append(" |\n");
        }
        return md.toString();
    }

    /** The artifacts table with exact sizes. */
    static String artifacts(CheckResult r, Path base) {
        StringBuilder md = new StringBuilder("| role | artifact | unzipped | zipped | of limit | local copy |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (DeploymentArtifact a : r.artifacts()) {
            String name = a.role() == ArtifactRole.MANAGED_LAYER ? a.ref() : a.name();
            md.append("| ").append(role(a)).append(" | ").append(inline(name)).append(" | ").append(bytes(a.unzippedBytes()))
                    .append(" | ").append(human(a.artifact().zippedBytes()))
                    .append(" | ").append(percent(a.unzippedBytes(), LIMIT)).append(" | `")
                    .append(ReportFile.relative(base, a.source())).append("` |\n");
        }
        long total = r.verdict().totalUnzippedBytes();
        md.append("| **total** | | **").append(bytes(total)).append("** | | ")
                .append(percent(total, LIMIT)).append(" | |\n");
        return md.toString();
    }

    /** Exact bytes and the rounded size in one cell: {@code 250,227,351 (238.6 MiB)}. */
    private static String bytes(long n) {
        return grouped(n) + " (" + human(n) + ")";
    }

    private static String role(DeploymentArtifact a) {
        return switch (a.role()) {
            case MANAGED_LAYER -> "managed layer";
            case LAYER -> "layer";
            case FUNCTION -> "function";
        };
    }

    private static void overWhy(CheckResult r, StringBuilder md) {
        List<PredictedError> errors = r.verdict().predictedErrors();
        if (!errors.isEmpty()) {
            md.append("## The AWS error this deploy would hit\n\n");
            for (PredictedError e : errors) {
                md.append("- `").append(e.error().exceptionName()).append(": ").append(e.message()).append("`  \n  because ")
                        .append(inline(e.why())).append('\n');
            }
            md.append('\n');
        }
        md.append(r.fits() ? "## What takes the space\n\n" : "## What pushes it over\n\n");
        record Dist(String artifact, DistributionUsage d) {
        }
        List<Dist> dists = new ArrayList<>();
        for (DeploymentArtifact a : r.artifacts()) {
            a.inventory().distributions().forEach(d -> dists.add(new Dist(a.name(), d)));
        }
        dists.sort(Comparator.comparingLong((Dist d) -> d.d().bytes()).reversed()
                .thenComparing(d -> d.d().name()).thenComparing(Dist::artifact));
        md.append("The ").append(TOP_DISTRIBUTIONS).append(" largest distributions:\n\n")
                .append("| distribution | in | unzipped | of limit |\n|---|---|---:|---:|\n");
        for (Dist d : dists.stream().limit(TOP_DISTRIBUTIONS).toList()) {
            md.append("| ").append(inline(d.d().name() + (d.d().version() == null ? "" : " " + d.d().version()))).append(" | ")
                    .append(inline(d.artifact())).append(" | ").append(bytes(d.d().bytes())).append(" | ")
                    .append(percent(d.d().bytes(), LIMIT)).append(" |\n");
        }
        md.append('\n');
        List<DuplicateDistribution> dups = r.duplicates().distributions();
        if (!dups.isEmpty()) {
            md.append("Shipped more than once (AWS counts every copy; Python imports one): ").append(dups.size())
                    .append(" distributions, ").append(grouped(r.duplicates().wastedBytes())).append(" bytes (")
                    .append(human(r.duplicates().wastedBytes())).append(") wasted.\n\n")
                    .append("| distribution | in | imported from | wasted |\n|---|---|---|---:|\n");
            for (DuplicateDistribution d : dups.stream().limit(TOP_DUPLICATES).toList()) {
                md.append("| ").append(inline(d.distribution())).append(" | ")
                        .append(inline(d.copies().stream().map(c -> r.artifacts().get(c.artifactIndex()).name()).distinct()
                                .collect(Collectors.joining(", "))))
                        .append(" | ").append(inline(r.artifacts().get(d.used().artifactIndex()).name())).append(" | ")
                        .append(human(d.wastedBytes())).append(" |\n");
            }
            if (dups.size() > TOP_DUPLICATES) {
                md.append("\n… and ").append(dups.size() - TOP_DUPLICATES).append(" more (`--json` lists all).\n");
            }
            md.append('\n');
        }
    }

    private static void options(CheckResult r, StringBuilder md) {
        if (r.advice().isEmpty()) {
            md.append("Nothing to change: no saving of 64 KiB or more was found.\n\n");
        } else {
            md.append("Savings add up: each is counted after the ones above it.\n\n")
                    .append("| # | option | saves | change |\n|---:|---|---:|---|\n");
            int n = 0;
            for (Advice a : r.advice()) {
                md.append("| ").append(++n).append(" | ").append(inline(a.message())).append(" | ")
                        .append(a.savesBytes() == 0 ? "needed" : grouped(a.savesBytes()) + " bytes (" + human(a.savesBytes()) + ")")
                        .append(" | ").append(inline(a.action())).append(" |\n");
            }
            long total = r.verdict().totalUnzippedBytes();
            long projected = r.projectedUnzippedBytes();
            md.append("\nTaken together: ").append(grouped(total)).append(" → ").append(grouped(projected)).append(" bytes (")
                    .append(human(total)).append(" → ").append(human(projected)).append("), ")
                    .append(projected < LIMIT ? "which fits with " + human(LIMIT - projected) + " to spare."
                            : "still " + human(projected - LIMIT + 1) + " over.")
                    .append("\n\n");
        }
        Set<String> given = r.advice().stream().map(Advice::id).collect(Collectors.toSet());
        List<String[]> more = new ArrayList<>();
        if (!given.contains("runtime-sdk")) {
            more.add(new String[] {"leave out the SDK the runtime provides (boto3, botocore, s3transfer, jmespath)",
                "no saving of 64 KiB or more left after the options above",
                "remove them from the layers' requirements if the runtime's version suits you"});
        }
        if (!given.contains("split-function")) {
            more.add(new String[] {"split the function", "moves the heavy layers to a second function",
                "an API function without the heavy layers, a worker function with them (its own `lambda_functions` entry "
                        + "in .chalice/config.json with its own `layers`)"});
        }
        if (!given.contains("efs")) {
            more.add(new String[] {"read-only packages on EFS", "takes them out of the 250 MiB count",
                "install them onto an EFS file system mounted by the function and add its path to `sys.path` at start-up"});
        }
        if (!given.contains("container-image")) {
            more.add(new String[] {"container image", "up to 10 GiB, no layers",
                "package the function as an image `FROM public.ecr.aws/lambda/python` and deploy it by image URI"});
        }
        md.append("If that is not enough (these change how the function is deployed):\n\n")
                .append("| option | effect | change |\n|---|---|---|\n");
        for (String[] m : more) {
            md.append("| ").append(m[0]).append(" | ").append(m[1]).append(" | ").append(m[2]).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * Text for one table cell or list item: no line breaks, pipes escaped, and outside `code spans` the
     * characters Markdown would read as emphasis or HTML ({@code __pycache__}, {@code *.pyi}, {@code <}) escaped.
     */
    static String inline(String s) {
        String[] parts = s.replace("\r", "").replace("\n", " ").split("`", -1);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            String p = parts[i];
            if (!code) {
                p = p.replace("\\", "\\\\").replace("_", "\\_").replace("*", "\\*").replace("<", "&lt;");
            }
            out.append(i > 0 ? "`" : "").append(p.replace("|", "\\|"));
        }
        return out.toString();
    }
}
