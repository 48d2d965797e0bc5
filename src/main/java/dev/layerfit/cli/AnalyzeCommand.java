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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit analyze}: what takes the space in zips, folders or listings. */
@Command(name = "analyze",
        header = "Measure zips, folders or layer ARNs as AWS counts them; show what takes the space.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures layer or function artifacts exactly as AWS counts them (from the zip's central directory;",
            "a folder counts as its zip would) and shows what takes the space: distributions, categories (bytecode,",
            "tests, native libraries, package data, ...) and, across several artifacts, what they duplicate."},
        footer = {"", "Examples:", "  layerfit analyze examples/inputs/deps.zip",
            "  layerfit analyze examples/seed-app/layers/numpy.listing examples/seed-app/layers/ai.listing --top 5 --json",
            "  layerfit analyze examples/seed-app/layers/*.listing --html layers.html"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH|ARN",
            description = "Zips, folders, .listing files, or layer version ARNs (measured from AWS by ranged reads).")
    List<String> paths;

    @Option(names = "--top", paramLabel = "N", description = "Distributions shown per artifact (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report (zoomable treemap, limit bar, duplicates) to FILE.")
    Path html;

    @Mixin
    AwsOptions aws;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
}
