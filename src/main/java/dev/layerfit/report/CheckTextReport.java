package dev.layerfit.report;

import dev.layerfit.lambda.ByteSizeFormat;
import static dev.layerfit.lambda.ByteSizeFormat.grouped;
import static dev.layerfit.lambda.ByteSizeFormat.human;
import static dev.layerfit.lambda.ByteSizeFormat.percent;

import dev.layerfit.check.Advice;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.inventory.DistributionCopy;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.inventory.FileDuplicates;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.PredictedError;
import dev.layerfit.lambda.Quota;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;
import dev.layerfit.lambda.ArtifactRole;
import java.util.List;
import java.util.stream.Collectors;

/** The human report of {@code layerfit check}. */
public final class CheckTextReport {

    private static final long LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    private static final int MAX_DUPLICATES_SHOWN = 10;

    private CheckTextReport() {
    }

    /**
     * The report of a deployment: with one function, that function's report; with several, a table of every
     * function, then the report of each that does not fit, then a one-line summary.
     */
    public static String render(DeploymentResult d) {
        CheckResult single = d.single();
        if (single != null) {
            return render(single, d.deployment().notes(), d);
        }
        StringBuilder out = new StringBuilder();
        out.append("Deployment of ").append(dev.layerfit.text.TerminalText.escape(d.deployment().description())).append(": ").append(d.functions().size())
                .append(d.functions().size() == 1 ? " function" : " functions").append("\n\n");
        TextTable table = new TextTable("llrrrl").row("", "function", "layers", "unzipped", "of 250 MiB", "");
        for (FunctionResult f : d.functions()) {
            if (f.checked()) {
                CheckResult r = f.result();
                long total = r.verdict().totalUnzippedBytes();
                long layers = r.artifacts().stream().filter(a -> a.role().isLayer()).count();
                String failed = r.verdict().checks().stream().filter(c -> !c.ok()).map(LimitCheck::name).distinct()
                        .collect(Collectors.joining(", "));
                table.row(r.fits() ? "ok  " : "FAIL", f.function().name(), Long.toString(layers), human(total),
                        percent(total, LIMIT), failed);
            } else {
                table.row(f.fits() ? "--  " : "ERR ", f.function().name(), "", "", "", f.notChecked());
            }
        }
        out.append(table.render("  ")).append('\n');
        for (FunctionResult f : d.functions()) {
            if (f.checked() && !f.result().fits()) {
                out.append("── ").append(dev.layerfit.text.TerminalText.escape(f.function().name())).append(" ──\n").append(render(f.result(), List.of()))
                        .append('\n');
            }
        }
        for (String note : d.deployment().notes()) {
            out.append("Note: ").append(dev.layerfit.text.TerminalText.escape(note)).append('\n');
        }
        String section = LeftOutSection.text(d.deployment().leftOut());
        if (!section.isEmpty()) {
            out.append(d.deployment().notes().isEmpty() ? "" : "\n").append(section);
        }
        return out.append(headline(d).text()).append('\n').toString();
    }

    /**
     * The verdict line (the report's last line; JSON's {@code headline}): the limits' verdict of the function, or of
     * every function, made with what the packager leaves out.
     */
    static LeftOutSection.Headline headline(DeploymentResult d) {
        CheckResult single = d.single();
        if (single != null) {
            return LeftOutSection.headline(d, single.fits(), sizes(single));
        }
        long failing = d.functions().stream().filter(f -> !f.fits()).count();
        long checked = d.functions().stream().filter(FunctionResult::checked).count();
        String sizes = failing == 0 ? (checked == 1 ? "the 1 function checked fits" : "all " + checked + " functions checked fit")
                + (checked < d.functions().size() ? " (" + (d.functions().size() - checked) + " not measured)" : "")
                : failing + " of " + d.functions().size() + " functions " + (failing == 1 ? "fails" : "fail");
        return LeftOutSection.headline(d, failing == 0, sizes);
    }

    /** The limits' verdict of one function: "91,604 bytes unzipped, 249.9 MiB under the 250 MiB limit". */
    private static String sizes(CheckResult r) {
        long total = r.verdict().totalUnzippedBytes();
        return r.fits() ? grouped(total) + " bytes unzipped, " + human(LIMIT - total) + " under the 250 MiB limit"
                : (total >= LIMIT ? human(total - LIMIT + 1) + " over the 250 MiB unzipped limit" : "failed: " + r.verdict().checks()
                        .stream().filter(c -> !c.ok()).map(LimitCheck::name).distinct().collect(Collectors.joining(", ")));
    }

    /** One function's report; {@code deploymentNotes} are printed with its own notes. */
    public static String render(CheckResult r, List<String> deploymentNotes) {
        return render(r, deploymentNotes, null);
    }

    /** One function's report, with what the packager leaves out of deployment {@code d} (when not null). */
    private static String render(CheckResult r, List<String> deploymentNotes, DeploymentResult whole) {
        StringBuilder out = new StringBuilder();
        out.append("Deployment of ").append(dev.layerfit.text.TerminalText.escape(r.deployment())).append(", function ")
                .append(dev.layerfit.text.TerminalText.escape(r.functionName()));
        if (r.function().definedAt() != null) {
            out.append(" — ").append(r.function().definedAt().file());
        }
        out.append("\n\n");

        TextTable table = new TextTable("llrrr").row("", "artifact", "unzipped", "zipped", "of 250 MiB");
        int i = 0;
        for (DeploymentArtifact a : r.artifacts()) {
            String role = switch (a.role()) {
                case MANAGED_LAYER -> "managed layer";
                case LAYER -> "layer " + (++i);
                case FUNCTION -> "function";
            };
            String name = a.role() == ArtifactRole.MANAGED_LAYER ? a.ref() : a.name();
            if (a.shared()) {
                name += " (shared)";
            }
            table.row(role, name, human(a.unzippedBytes()), human(a.artifact().zippedBytes()), percent(a.unzippedBytes(), LIMIT));
        }
        long total = r.verdict().totalUnzippedBytes();
        table.row("total", "", human(total), "", percent(total, LIMIT));
        out.append(table.render("  ")).append('\n');

        out.append("Limits\n");
        TextTable limits = new TextTable("lll");
        for (LimitCheck c : r.verdict().checks()) {
            limits.row(c.ok() ? "ok  " : "FAIL", c.name(), describe(c, r));
        }
        out.append(limits.render("  ")).append('\n');

        if (!r.verdict().predictedErrors().isEmpty()) {
            out.append("This deploy would fail with:\n");
            for (PredictedError e : r.verdict().predictedErrors()) {
                out.append("  ").append(e.error().exceptionName()).append(": ").append(e.message()).append('\n');
                out.append("    because ").append(dev.layerfit.text.TerminalText.escape(e.why())).append('\n');
            }
            out.append('\n');
        }

        List<DuplicateDistribution> dups = r.duplicates().distributions();
        FileDuplicates files = r.duplicates().files();
        if (!dups.isEmpty()) {
            out.append("Shipped more than once (every copy counts, one is imported): ")
                    .append(dups.size()).append(" distributions, ").append(human(r.duplicates().wastedBytes()))
                    .append(" wasted\n");
            TextTable t = new TextTable("llr");
            dups.stream().limit(MAX_DUPLICATES_SHOWN).forEach(d -> t.row(d.distribution() + " "
                    + String.join("/", d.versions().stream().filter(java.util.Objects::nonNull).distinct().toList()), d.copies().stream()
                    .map(c -> artifactName(r, c)).collect(Collectors.joining(", ")), human(d.wastedBytes())));
            out.append(t.render("  "));
            if (dups.size() > MAX_DUPLICATES_SHOWN) {
                out.append("  … and ").append(dups.size() - MAX_DUPLICATES_SHOWN).append(" more (--json lists all)\n");
            }
            if (files.paths() > 0) {
                out.append("  ").append(grouped(files.paths())).append(" file paths are in more than one artifact (")
                        .append(human(files.wastedBytes())).append(" in the copies that are not used)\n");
            }
            out.append('\n');
        }

        if (!r.advice().isEmpty()) {
            out.append("What to do, by bytes saved:\n");
            int n = 0;
            for (Advice a : r.advice()) {
                out.append(String.format("  %d. %s%s%n", ++n, dev.layerfit.text.TerminalText.escape(a.message()),
                        a.savesBytes() > 0 ? " (saves " + human(a.savesBytes()) + ")" : ""));
                out.append("     → ").append(dev.layerfit.text.TerminalText.escape(a.action())).append('\n');
            }
            long projected = r.projectedUnzippedBytes();
            if (projected != total) {
                out.append("  Taken together: ").append(human(total)).append(" → ").append(human(projected)).append(", ")
                        .append(projected < LIMIT ? "which fits (" + human(LIMIT - projected) + " to spare)"
                                : "still " + human(projected - LIMIT + 1) + " over")
                        .append('\n');
            }
            out.append('\n');
        }
        List<String> notes = new java.util.ArrayList<>(deploymentNotes);
        notes.addAll(r.notes());
        for (String note : notes) {
            out.append("Note: ").append(dev.layerfit.text.TerminalText.escape(note)).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
        }
        if (whole == null) {
            return out.append(LeftOutSection.headline(r.fits(), sizes(r), new dev.layerfit.deployment.LeftOut(), "the function")
                    .text()).append('\n').toString();
        }
        out.append(LeftOutSection.text(whole.deployment().leftOut()));
        return out.append(headline(whole).text()).append('\n').toString();
    }

    private static String artifactName(CheckResult r, DistributionCopy c) {
        DeploymentArtifact a = r.artifacts().get(c.artifactIndex());
        return a.name();
    }

    private static String describe(LimitCheck c, CheckResult r) {
        return switch (c.name()) {
            case LimitCheck.UNZIPPED_TOTAL -> grouped(c.actualBytes()) + " bytes unzipped, must be under "
                    + grouped(c.limitBytes()) + (c.ok() ? " (" + human(c.limitBytes() - c.actualBytes()) + " to spare)"
                    : " (over by " + grouped(c.actualBytes() - c.limitBytes() + 1) + " bytes, "
                    + human(c.actualBytes() - c.limitBytes() + 1) + ")");
            case LimitCheck.LAYER_COUNT -> ByteSizeFormat.count(c.actualBytes(), "layer") + " of at most " + c.limitBytes()
                    + r.artifacts().stream().filter(a -> a.role() == ArtifactRole.MANAGED_LAYER).findFirst()
                            .map(a -> " (the " + a.name() + " counts)").orElse("");
            default -> c.subject() + ": " + human(c.actualBytes()) + " zipped, at most " + human(c.limitBytes())
                    + " for a direct upload";
        };
    }
}
