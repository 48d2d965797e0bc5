package dev.layerfit.report;

import static dev.layerfit.lambda.ByteSizeFormat.grouped;
import static dev.layerfit.lambda.ByteSizeFormat.human;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.audit.AuditResult;
import dev.layerfit.audit.AuditRow;
import java.util.List;
import java.util.Locale;

/** The table of {@code layerfit audit}: one row per function, the fullest first; as text, JSON or Markdown. */
public final class AuditReport {

    private AuditReport() {
    }

    public static String text(AuditResult r) {
        StringBuilder out = new StringBuilder();
        TextTable t = new TextTable("lllrrrrll").row("region", "function", "runtime", "layers", "unzipped", "of limit",
                "twice", "biggest distribution", "");
        for (AuditRow row : r.rows()) {
            if ("Image".equalsIgnoreCase(row.packageType())) {
                t.row(row.region(), row.function(), "image", "", "", "", "", "", "container image (zip limits do not apply)");
            } else if (row.error() != null) {
                t.row(row.region(), row.function(), nz(row.runtime()), Integer.toString(row.layerCount()), "", "", "", "",
                        "not measured: " + row.error());
            } else {
                t.row(row.region(), row.function(), nz(row.runtime()), Integer.toString(row.layerCount()),
                        human(row.unzippedBytes()), percent(row), row.duplicateBytes() > 0 ? human(row.duplicateBytes()) : "",
                        row.biggestDistribution() == null ? "" : row.biggestDistribution() + " " + human(row.biggestBytes()),
                        row.fits() ? "" : "DOES NOT FIT");
            }
        }
        out.append(t.render("")).append('\n');
        r.regionErrors().forEach(e -> out.append("Region not listed: ").append(e).append('\n'));
        long failing = r.rows().stream().filter(AuditRow::fails).count();
        long unmeasured = r.rows().stream().filter(x -> !x.measured()).count();
        List<String> verdict = new java.util.ArrayList<>();
        if (failing > 0) {
            verdict.add(failing + (failing == 1 ? " does not fit" : " do not fit"));
        }
        if (unmeasured > 0) {
            verdict.add(unmeasured + " not measured (the table says why)");
        }
        out.append(r.rows().size()).append(r.rows().size() == 1 ? " function, " : " functions, ").append(r.layerVersions())
                .append(r.layerVersions() == 1 ? " layer version" : " layer versions").append(" (each measured once); ")
                .append(verdict.isEmpty() ? "all fit" : String.join(", ", verdict)).append(".\n");
        return out.toString();
    }

    public static ObjectNode json(AuditResult r) {
        ObjectNode root = Json.object();
        root.put("fits", r.rows().stream().noneMatch(AuditRow::fails));
        root.put("notMeasured", r.rows().stream().filter(x -> !x.measured()).count());
        root.put("layerVersions", r.layerVersions());
        ArrayNode rows = root.putArray("functions");
        for (AuditRow row : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("region", row.region());
            o.put("name", row.function());
            o.put("runtime", row.runtime());
            o.put("packageType", row.packageType());
            o.put("layerCount", row.layerCount());
            o.put("unzippedBytes", row.unzippedBytes());
            o.put("percentOfLimit", Math.round(row.percentOfLimit() * 10) / 10.0);
            o.put("duplicateBytes", row.duplicateBytes());
            o.put("biggestDistribution", row.biggestDistribution());
            o.put("biggestDistributionBytes", row.biggestBytes());
            if (row.measured()) {
                o.put("fits", row.fits());
            } else {
                o.putNull("fits"); // not measured: unknown, not a failure
            }
            o.put("error", row.error());
        }
        ArrayNode errors = root.putArray("regionErrors");
        r.regionErrors().forEach(errors::add);
        return root;
    }

    public static String markdown(AuditResult r) {
        StringBuilder md = new StringBuilder("# layerfit audit\n\n| region | function | runtime | layers | unzipped bytes | "
                + "of limit | shipped twice | biggest distribution | |\n|---|---|---|---:|---:|---:|---:|---|---|\n");
        for (AuditRow row : r.rows()) {
            md.append("| ").append(row.region()).append(" | ").append(CheckMarkdownReport.inline(row.function())).append(" | ")
                    .append(nz(row.runtime())).append(" | ").append(row.layerCount()).append(" | ")
                    .append(row.unzippedBytes() < 0 ? "" : grouped(row.unzippedBytes())).append(" | ")
                    .append(row.unzippedBytes() < 0 ? "" : percent(row)).append(" | ")
                    .append(row.duplicateBytes() > 0 ? human(row.duplicateBytes()) : "").append(" | ")
                    .append(row.biggestDistribution() == null ? "" : row.biggestDistribution() + " " + human(row.biggestBytes()))
                    .append(" | ").append(row.error() != null ? CheckMarkdownReport.inline(row.error())
                            : "Image".equalsIgnoreCase(row.packageType()) ? "image" : row.fits() ? "fits" : "**does not fit**")
                    .append(" |\n");
        }
        r.regionErrors().forEach(e -> md.append("\nRegion not listed: ").append(CheckMarkdownReport.inline(e)).append('\n'));
        return md.toString();
    }

    private static String percent(AuditRow row) {
        return String.format(Locale.ROOT, "%.1f%%", row.percentOfLimit());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
