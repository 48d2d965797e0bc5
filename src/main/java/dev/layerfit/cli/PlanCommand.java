package dev.layerfit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.pipeline.LayerPlanner;
import dev.layerfit.pipeline.Plan;
import dev.layerfit.pipeline.PlanRequest;
import dev.layerfit.pipeline.PlannedLayer;
import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.RuleResult;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.report.Json;
import dev.layerfit.report.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit plan}: predicted layer sizes and a layout within the layer count, before downloading any wheel. */
@Command(name = "plan",
        header = "Predict layer sizes before downloading and lay out up to 5 layers that fit.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts the layers' unzipped sizes before building them: each pinned wheel's central directory",
            "(ranged reads of its tail over HTTP) gives the exact bytes as installed; the slim profile's removals are",
            "estimated; several requirements files stay one layer each when they fit the layer count."},
        footer = {"", "Examples:",
            "  layerfit plan examples/inputs/requirements.txt --runtime python3.12",
            "  layerfit plan examples/seed-app/layers/*/requirements.txt --python-version 3.11 --glibc 2.34 --slim aggressive --json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the layers fit", "1:they do not fit under 262,144,000 bytes (advice printed)",
            "2:bad input", "3:an index could not be reached"})
public final class PlanCommand implements Callable<Integer>, HasOptionGroups {

    final RequirementsArguments requirements = new RequirementsArguments();

    final TargetOptions targetOptions = new TargetOptions();

    @Mixin
    LayerShapeOptions shape;

    @Option(names = "--max-layers", paramLabel = "N", description = "The most layers to plan (default 5, Lambda's limit).")
    int maxLayers = 5;

    final IndexFlags index = new IndexFlags();

    final CommonOptions common = new CommonOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PythonTarget target = targetOptions.target();
        SlimOptions slimOptions = shape.slim(target.runtime());
        Plan plan = LayerPlanner.plan(new PlanRequest(requirements.input(), target, shape.layout(target.runtime()),
                slimOptions, maxLayers, index.settings()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(common.json() ? Json.write(json(plan)) + "\n" : text(plan, target));
        out.flush();
        return plan.fits() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String text(Plan p, PythonTarget target) {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan for ").append(target.describe()).append(", --slim ").append(shape.profileName()).append(": ")
                .append(ByteSizeFormat.human(p.predictedUnzippedBytes())).append(" (").append(ByteSizeFormat.grouped(p.predictedUnzippedBytes()))
                .append(" bytes) predicted, ").append(p.fits() ? "fits" : "does NOT fit").append(" under 262,144,000 bytes\n");
        sb.append("Layers:\n");
        TextTable layers = new TextTable("llrr");
        int i = 1;
        for (PlannedLayer l : p.layers()) {
            layers.row(String.valueOf(i++), l.name(), ByteSizeFormat.human(l.predictedUnzippedBytes()), ByteSizeFormat.count(l.packages().size(), "package"));
        }
        sb.append(layers.render("  "));
        sb.append("Distributions (as installed):\n");
        TextTable dists = new TextTable("lr");
        p.distributions().forEach((name, bytes) -> dists.row(name, ByteSizeFormat.human(bytes)));
        sb.append(dists.render("  "));
        if (!p.removed().isEmpty()) {
            sb.append("Slim rules (estimated):\n");
            TextTable rules = new TextTable("lrr");
            for (RuleResult r : p.removed()) {
                rules.row(r.rule(), ByteSizeFormat.human(r.bytes()), r.filesDescription());
            }
            sb.append(rules.render("  "));
        }
        p.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        p.advice().forEach(a -> sb.append("advice: ").append(a).append('\n'));
        return sb.toString();
    }

    private static ObjectNode json(Plan p) {
        ObjectNode root = Json.object();
        root.put("predictedUnzippedBytes", p.predictedUnzippedBytes());
        root.put("installedBytes", p.installedBytes());
        ArrayNode layers = root.putArray("layers");
        for (PlannedLayer l : p.layers()) {
            ObjectNode n = layers.addObject();
            n.put("name", l.name());
            ArrayNode packages = n.putArray("packages");
            l.packages().forEach(packages::add);
            n.put("installedBytes", l.installedBytes());
            n.put("predictedUnzippedBytes", l.predictedUnzippedBytes());
        }
        root.put("fits", p.fits());
        ArrayNode advice = root.putArray("advice");
        p.advice().forEach(advice::add);
        ArrayNode dists = root.putArray("distributions");
        p.distributions().forEach((name, bytes) -> dists.addObject().put("name", name).put("predictedUnzippedBytes", bytes));
        ArrayNode removed = root.putArray("removed");
        p.removed().forEach(r -> removed.addObject().put("rule", r.rule()).put("bytes", r.bytes()).put("files", r.files()));
        ArrayNode notes = root.putArray("notes");
        p.notes().forEach(notes::add);
        return root;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(requirements, targetOptions, index, common);
    }
}
