package dev.layerfit.report;

import static dev.layerfit.lambda.ByteSizeFormat.grouped;
import static dev.layerfit.lambda.ByteSizeFormat.human;
import static dev.layerfit.lambda.ByteSizeFormat.percent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.check.ArtifactAnalysis;
import dev.layerfit.check.ArtifactAnalysis.Analyzed;
import dev.layerfit.inventory.Category;
import dev.layerfit.inventory.DistributionCopy;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.lambda.Quota;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Text and JSON output of {@code layerfit analyze}. */
public final class AnalyzeReports {

    private static final long LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();

    private AnalyzeReports() {
    }

    public static String text(ArtifactAnalysis analysis, int top) {
        StringBuilder out = new StringBuilder();
        long sum = 0;
        for (Analyzed a : analysis.artifacts()) {
            long unzipped = a.artifact().unzippedBytes();
            sum += unzipped;
            out.append(a.ref()).append('\n');
            out.append("  ").append(grouped(unzipped)).append(" bytes unzipped (").append(human(unzipped)).append(", ")
                    .append(percent(unzipped, LIMIT)).append(" of the 250 MiB limit), ")
                    .append(human(a.artifact().zippedBytes())).append(" zipped, ")
                    .append(grouped(a.artifact().entryCount())).append(" entries\n");
            List<String> dupNames = a.artifact().duplicateNames();
            if (!dupNames.isEmpty()) {
                out.append("  ").append(dupNames.size()).append(" names are stored more than once (each copy counts): ")
                        .append(dupNames.stream().limit(3).collect(Collectors.joining(", ")))
                        .append(dupNames.size() > 3 ? ", …" : "").append('\n');
            }
            List<DistributionUsage> dists = sorted(a);
            TextTable t = new TextTable("lrr").row("distribution", "unzipped", "of limit");
            dists.stream().limit(top).forEach(d -> t.row(label(d), human(d.bytes()), percent(d.bytes(), LIMIT)));
            if (dists.size() > top) {
                long rest = dists.stream().skip(top).mapToLong(d -> d.bytes()).sum();
                t.row("(" + (dists.size() - top) + " more)", human(rest), percent(rest, LIMIT));
            }
            out.append(t.render("    "));
            TextTable c = new TextTable("lrr").row("category", "unzipped", "share");
            categories(a).forEach(e -> c.row(e.getKey().label(), human(e.getValue()), percent(e.getValue(), unzipped)));
            out.append(c.render("    ")).append('\n');
        }
        if (analysis.artifacts().size() > 1) {
            out.append("All ").append(analysis.artifacts().size()).append(" together: ").append(grouped(sum))
                    .append(" bytes unzipped (").append(human(sum)).append(", ").append(percent(sum, LIMIT))
                    .append(" of the 250 MiB limit)\n");
            List<DuplicateDistribution> dups = analysis.duplicates().distributions();
            if (dups.isEmpty()) {
                out.append("  No distribution is in more than one of them.\n");
            } else {
                out.append("  In more than one (the later copy wins when stacked in this order):\n");
                TextTable t = new TextTable("llr");
                for (DuplicateDistribution d : dups) {
                    t.row(d.distribution() + " " + String.join("/", d.versions().stream().filter(java.util.Objects::nonNull).distinct().toList()),
                            d.copies().stream().map(cp -> analysis.artifacts().get(cp.artifactIndex()).ref())
                                    .collect(Collectors.joining(", ")), human(d.wastedBytes()) + " wasted");
                }
                out.append(t.render("    "));
            }
            if (analysis.duplicates().files().paths() > 0) {
                out.append("  ").append(grouped(analysis.duplicates().files().paths()))
                        .append(" file paths are in more than one (").append(human(analysis.duplicates().files().wastedBytes()))
                        .append(" in copies that would be shadowed)\n");
            }
        }
        return out.toString();
    }

    public static ObjectNode json(ArtifactAnalysis analysis) {
        ObjectNode root = Json.object();
        ArrayNode arts = root.putArray("artifacts");
        for (Analyzed a : analysis.artifacts()) {
            ObjectNode o = arts.addObject();
            o.put("path", a.ref());
            o.put("unzippedBytes", a.artifact().unzippedBytes());
            o.put("zippedBytes", a.artifact().zippedBytes());
            o.put("entries", a.artifact().entryCount());
            ArrayNode dupNames = o.putArray("duplicateEntries");
            a.artifact().duplicateNames().forEach(dupNames::add);
            ArrayNode dists = o.putArray("distributions");
            for (DistributionUsage d : sorted(a)) {
                ObjectNode dn = dists.addObject();
                dn.put("name", d.name());
                dn.put("version", d.version());
                dn.put("bytes", d.bytes());
                dn.put("files", d.files());
                dn.put("attributedBy", d.attributedBy().label());
            }
            ArrayNode cats = o.putArray("categories");
            for (Map.Entry<Category, Long> e : categories(a)) {
                ObjectNode cn = cats.addObject();
                cn.put("name", e.getKey().label());
                cn.put("bytes", e.getValue());
            }
        }
        ArrayNode dups = root.putArray("duplicates");
        for (DuplicateDistribution d : analysis.duplicates().distributions()) {
            ObjectNode o = dups.addObject();
            o.put("distribution", d.distribution());
            ArrayNode in = o.putArray("artifacts");
            for (DistributionCopy c : d.copies()) {
                in.add(analysis.artifacts().get(c.artifactIndex()).ref());
            }
            o.put("wastedBytes", d.wastedBytes());
        }
        ObjectNode files = root.putObject("duplicateFiles");
        files.put("paths", analysis.duplicates().files().paths());
        files.put("wastedBytes", analysis.duplicates().files().wastedBytes());
        return root;
    }

    private static List<DistributionUsage> sorted(Analyzed a) {
        return a.inventory().distributions().stream()
                .sorted(Comparator.comparingLong((DistributionUsage d) -> d.bytes()).reversed().thenComparing(DistributionUsage::name))
                .toList();
    }

    private static List<Map.Entry<Category, Long>> categories(Analyzed a) {
        return a.inventory().categoryBytes().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Category, Long>comparingByValue().reversed()).toList();
    }

    private static String label(DistributionUsage d) {
        return d.version() == null ? d.name() : d.name() + " " + d.version();
    }
}
