package dev.layerfit.cli;

import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.io.AtomicFileWriter;
import dev.layerfit.io.StandardOutput;
import dev.layerfit.layer.RequirementsMerge;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.report.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerfit merge}: several requirements files into one, with provenance and conflicts. */
@Command(name = "merge",
        header = "Merge requirements files into one, with provenance and conflicts.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merges requirements (files, pyproject.toml, specifiers, - for standard input; pip's -r and -c)",
            "into one file (e.g. one per layer): a line per project with its clauses",
            "combined and a comment saying which file and line each came from; index options kept. Requirements",
            "no version can meet together (numpy==1.26.4 and numpy>=2) are explained, and nothing is written."},
        footer = {"", "Examples:", "  layerfit merge examples/seed-app/layers/*/requirements.txt -o requirements-all.txt",
            "  layerfit merge -r examples/inputs/base.txt \"requests>=2.31\" -c examples/inputs/constraints.txt"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged", "1:a conflict (nothing written)", "2:bad input"})
public final class MergeCommand implements Callable<Integer>, HasOptionGroups {

    final RequirementsArguments requirements = new RequirementsArguments();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the merged file (written atomically); default: standard output.")
    Path output;

    final CommonOptions common = new CommonOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RequirementsInput input = requirements.input();
        RequirementsMerge.Result result = RequirementsMerge.merge(input);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (common.json()) {
            ObjectNode root = Json.object();
            root.put("ok", result.conflicts().isEmpty());
            ArrayNode lines = root.putArray("requirements");
            for (RequirementsMerge.Merged m : result.lines()) {
                ObjectNode o = lines.addObject();
                o.put("requirement", m.requirement().toString());
                ArrayNode from = o.putArray("from");
                m.sources().forEach(s -> from.add(s.location()));
            }
            ArrayNode conflicts = root.putArray("conflicts");
            result.conflicts().forEach(c -> conflicts.add(c.describe()));
            out.println(Json.write(root));
        }
        if (!result.conflicts().isEmpty()) {
            for (RequirementsMerge.Conflict c : result.conflicts()) {
                err.println("layerfit: " + c.describe());
            }
            err.println("layerfit: " + result.conflicts().size() + " conflict(s); nothing written. Relax or align the "
                    + "requirements above, or keep those layers separate.");
            return ExitCodes.FAILED;
        }
        boolean toFile = output != null && !StandardOutput.is(output); // -o - is standard output, the default
        Path folder = toFile && output.toAbsolutePath().getParent() != null ? output.toAbsolutePath().getParent() : Path.of("");
        String text = RequirementsMerge.render(result, folder);
        if (toFile) {
            AtomicFileWriter.atomic().write(output, text);
            if (!common.json()) {
                out.println("Wrote " + output + ": " + ByteSizeFormat.count(result.lines().size(), "requirement") + " from " + ByteSizeFormat.count(input.sources().size(), "source") + ".");
            }
        } else if (!common.json()) {
            out.print(text);
        }
        return ExitCodes.OK;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(requirements, common);
    }
}
