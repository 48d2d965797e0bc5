package dev.layerfit.cli;

import dev.layerfit.report.TerminalProgress;
import dev.layerfit.check.ArtifactAnalysis;
import dev.layerfit.report.AnalyzeReports;
import dev.layerfit.report.HtmlReport;
import dev.layerfit.report.Json;
import dev.layerfit.progress.Progress;
import dev.layerfit.report.ReportFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code layerfit analyze}: what takes the space in zips, folders or listings. Its model is built in code, not read
 * from annotations: it is the command whose start-up the benchmarks hold to a Python one-liner's (see
 * {@link OptionSpecs}).
 */
public final class AnalyzeCommand implements Callable<Integer>, HasOptionGroups {

    List<String> paths;
    int top = 10;
    Path html;
    final AwsOptions aws = new AwsOptions();
    final CommonOptions common = new CommonOptions();
    private CommandSpec spec;

    private AnalyzeCommand() {
    }

    /** The command's picocli model, bound to a new command object. */
    static CommandSpec model() {
        AnalyzeCommand command = new AnalyzeCommand();
        CommandSpec spec = OptionSpecs.command(command, "analyze",
                "Measure zips, folders or layer ARNs as AWS counts them; show what takes the space.",
                new String[] {"Measures layer or function artifacts exactly as AWS counts them (from the zip's central directory;",
                    "a folder counts as its zip would) and shows what takes the space: distributions, categories (bytecode,",
                    "tests, native libraries, package data, ...) and, across several artifacts, what they duplicate."},
                "", "Examples:", "  layerfit analyze examples/inputs/deps.zip",
                "  layerfit analyze examples/seed-app/layers/numpy.listing examples/seed-app/layers/ai.listing --top 5 --json",
                "  layerfit analyze examples/seed-app/layers/*.listing --html layers.html");
        command.spec = spec;
        spec.addPositional(OptionSpecs.strings("1..*", "PATH|ARN",
                "Zips, folders, .listing files, or layer version ARNs (measured from AWS by ranged reads).", v -> command.paths = v));
        spec.addOption(OptionSpecs.integer(command.top, "N", "Distributions shown per artifact (default: ${DEFAULT-VALUE}).",
                v -> command.top = v, "--top").build());
        spec.addOption(OptionSpecs.value(Path.class, "FILE",
                "Also write a self-contained HTML report (zoomable treemap, limit bar, duplicates) to FILE.", v -> command.html = v, "--html"));
        return spec;
    }

    @Override
    public Integer call() {
        if (top < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        ArtifactAnalysis analysis;
        try (Progress.Task task = TerminalProgress.forConsole(common.json(), spec.commandLine().getErr())
                .start("measuring " + paths.size() + (paths.size() == 1 ? " artifact" : " artifacts"), paths.size())) {
            analysis = ArtifactAnalysis.of(paths, new LazyRemoteLayers(aws), () -> task.advance(1));
        }
        if (html != null) {
            ReportFile.write(html, HtmlReport.of(analysis, Path.of("")));
        }
        var out = spec.commandLine().getOut();
        out.print(common.json() ? Json.write(AnalyzeReports.json(analysis)) + "\n" : AnalyzeReports.text(analysis, top));
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(aws, common);
    }
}
