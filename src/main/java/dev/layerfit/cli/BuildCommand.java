package dev.layerfit.cli;

import dev.layerfit.report.TerminalProgress;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.pipeline.BuildRequest;
import dev.layerfit.pipeline.BuildResult;
import dev.layerfit.pipeline.ImportCheck;
import dev.layerfit.pipeline.LayerBuilder;
import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.error.BadInputException;
import dev.layerfit.io.StandardOutput;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.RuleResult;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.report.Json;
import dev.layerfit.progress.Progress;
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

/** {@code layerfit build}: a slim, reproducible layer zip from Python requirements or a hashed lock. */
@Command(name = "build",
        header = "Build a slim, reproducible layer zip for an exact Lambda runtime.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds a Lambda layer zip from Python requirements: resolves them for the target (a hashed lock is",
            "taken as is), downloads the wheels in parallel with hash checks, installs them, removes what the",
            "slim profile says, and writes a deterministic zip atomically (same inputs, same sha256).",
            "A rebuild of the same pins and options is copied from the build cache. Requirements are taken as",
            "resolve takes them: files, pyproject.toml, specifiers, -, or a lock (uv.lock, poetry.lock, Pipfile.lock,",
            "pylock.toml, a hashed requirements file) whose pinned wheels are used as they are."},
        footer = {"", "Examples:",
            "  layerfit build examples/inputs/requirements.txt --runtime python3.12 -o layer.zip",
            "  layerfit build examples/inputs/requirements.lock --runtime python3.12 --arch arm64 -o layer.zip",
            "  layerfit build examples/inputs/requirements-all.txt --python-version 3.11 --glibc 2.34 --slim aggressive --keep-discovery drive.v3 --verify-imports -o layer.zip --json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built", "1:the requirements cannot be met, or --verify-imports found a module that fails to import",
            "2:bad input (missing file, hash mismatch, bad wheel, disk full, ...)", "3:an index could not be reached"})
public final class BuildCommand implements Callable<Integer>, HasOptionGroups {

    final RequirementsArguments requirements = new RequirementsArguments();

    final TargetOptions targetOptions = new TargetOptions();

    @Mixin
    LayerShapeOptions shape;

    @Option(names = "--verify-imports", description = "Import every top-level module with a local python3.X of the target.")
    boolean verifyImports;

    final IndexFlags index = new IndexFlags();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "LAYER.zip", description = "The layer zip to write.")
    Path output;

    final CommonOptions common = new CommonOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (StandardOutput.is(output)) {
            throw new BadInputException("build writes a layer zip, which is binary: give -o a file name, not -");
        }
        PythonTarget target = targetOptions.target();
        SlimOptions slimOptions = shape.slim(target.runtime());
        BuildRequest request = new BuildRequest(requirements.input(), target, shape.layout(target.runtime()),
                slimOptions, index.settings(), output, verifyImports, ToolVersion.get(), null);
        PrintWriter err = spec.commandLine().getErr();
        BuildResult result = LayerBuilder.standard(TerminalProgress.forConsole(common.json(), err)).build(request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(common.json() ? Json.write(json(result)) + "\n" : text(result, target));
        out.flush();
        if (common.debug()) {
            err.println("layerfit: build steps (ms): " + result.millis());
        }
        ImportCheck imports = result.imports();
        if (imports != null && !imports.passed() && imports.skipped() == null) {
            err.println("layerfit: " + imports.failures().size() + " module(s) of the layer failed to import, so " + output
                    + " was not written; see the list above");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private String text(BuildResult r, PythonTarget target) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.cached() ? "Copied from the build cache: " : "Built ").append(r.output()).append(" for ")
                .append(target.describe()).append(" (").append(ByteSizeFormat.count(r.packages().size(), "package")).append(")\n");
        sb.append("  unzipped ").append(ByteSizeFormat.human(r.unzippedBytes())).append(" (").append(ByteSizeFormat.grouped(r.unzippedBytes()))
                .append(" bytes), zipped ").append(ByteSizeFormat.human(r.zippedBytes())).append(", ").append(ByteSizeFormat.count(r.entries(), "entry"))
                .append("\n");
        sb.append("  sha256 ").append(r.sha256()).append('\n');
        if (!r.removed().isEmpty()) {
            sb.append("Removed by slim rules:\n");
            TextTable table = new TextTable("lrr");
            for (RuleResult rr : r.removed()) {
                table.row(rr.rule(), ByteSizeFormat.human(rr.bytes()), rr.filesDescription());
            }
            sb.append(table.render("  "));
        }
        for (String note : r.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        ImportCheck imports = r.imports();
        if (imports != null) {
            if (imports.skipped() != null) {
                sb.append("note: ").append(imports.skipped()).append('\n');
            } else if (imports.failures().isEmpty()) {
                sb.append("Imports: all ").append(imports.modules().size()).append(" top-level modules import with ")
                        .append(imports.python()).append('\n');
            } else {
                sb.append("Imports that fail with ").append(imports.python()).append(":\n");
                imports.failures().forEach(f -> sb.append("  ").append(f.module()).append(": ").append(f.error()).append('\n'));
            }
        }
        return sb.toString();
    }

    private static ObjectNode json(BuildResult r) {
        ObjectNode root = Json.object();
        root.put("output", r.output().toString());
        root.put("sha256", r.sha256());
        root.put("unzippedBytes", r.unzippedBytes());
        root.put("zippedBytes", r.zippedBytes());
        root.put("entries", r.entries());
        ArrayNode removed = root.putArray("removed");
        r.removed().forEach(rr -> removed.addObject().put("rule", rr.rule()).put("bytes", rr.bytes()).put("files", rr.files()));
        root.put("cached", r.cached());
        ArrayNode packages = root.putArray("packages");
        r.packages().forEach(packages::add);
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ImportCheck imports = r.imports();
        if (imports != null) {
            ObjectNode i = root.putObject("imports");
            i.put("python", imports.python());
            i.put("passed", imports.passed());
            if (imports.skipped() != null) {
                i.put("skipped", imports.skipped());
            }
            ArrayNode modules = i.putArray("modules");
            imports.modules().forEach(modules::add);
            ArrayNode failures = i.putArray("failures");
            imports.failures().forEach(f -> failures.addObject().put("module", f.module()).put("error", f.error()));
        }
        return root;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(requirements, targetOptions, index, common);
    }
}
