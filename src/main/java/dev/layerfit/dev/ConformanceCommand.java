package dev.layerfit.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.cli.CommonOptions;
import dev.layerfit.cli.HasOptionGroups;
import dev.layerfit.cli.OptionGroup;
import dev.layerfit.cli.ExitCodes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.dev.conformance.CaseFailure;
import dev.layerfit.dev.conformance.ConformanceReport;
import dev.layerfit.dev.conformance.ConformanceRunner;
import dev.layerfit.dev.conformance.FileResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit dev conformance DIR}: runs the packaging conformance vectors and counts results per file. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Runs the packaging conformance vectors (PEP 440, PEP 508, wheel tags) in DIR.")
public final class ConformanceCommand implements Callable<Integer>, HasOptionGroups {

    private static final int FAILURES_SHOWN = 10;

    final CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder laid out like testdata/conformance.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        ConformanceReport report = ConformanceRunner.run(dir);
        var out = spec.commandLine().getOut();
        if (common.json()) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            ArrayNode files = root.putArray("files");
            for (FileResult f : report.files()) {
                files.addObject().put("file", f.file()).put("passed", f.passed()).put("failed", f.failed())
                        .put("skipped", f.skipped());
            }
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            for (FileResult f : report.files()) {
                out.printf("%-28s passed %6d  failed %5d  skipped %4d%n", f.file(), f.passed(), f.failed(), f.skipped());
            }
            int shown = 0;
            for (FileResult f : report.files()) {
                for (CaseFailure failure : f.failures()) {
                    if (shown++ == FAILURES_SHOWN) {
                        out.printf("... and %d more failures%n", report.failed() - FAILURES_SHOWN);
                        break;
                    }
                    out.printf("FAIL %s:%d %s: %s%n", failure.file(), failure.line(), failure.input(), failure.detail());
                }
                if (shown > FAILURES_SHOWN) {
                    break;
                }
            }
            out.println(report.ok() ? "all cases passed" : report.failed() + " cases failed");
        }
        out.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(common);
    }
}
