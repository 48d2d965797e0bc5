package dev.layerfit.cli;

import dev.layerfit.audit.AccountAudit;
import dev.layerfit.audit.AuditResult;
import dev.layerfit.audit.AuditRow;

import dev.layerfit.aws.SdkFunctionStore;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.LambdaRegions;
import dev.layerfit.progress.Progress;
import dev.layerfit.report.AuditReport;
import dev.layerfit.report.Json;
import dev.layerfit.report.ReportFile;
import dev.layerfit.report.TerminalProgress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerfit audit}: every deployed function of an account, by how close it is to the 250 MiB limit. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measure every deployed function of an account against the limits, fullest first.",
        description = {"Lists the functions of each region (--region a,b or --all-regions), measures each function's",
            "code and layers by ranged reads of their zips (each layer version once, however many functions use it;",
            "cached by CodeSha256, so a second audit downloads almost nothing) and prints one row per function:",
            "runtime, layer count, unzipped total, share of the 262,144,000-byte limit, bytes shipped twice, and the",
            "biggest distribution. Image functions are listed as such."},
        footer = {"", "Examples:",
            "  layerfit audit --region eu-west-1",
            "  layerfit audit --region eu-west-1,us-east-1 --fail-over 80 --markdown audit.md",
            "  layerfit audit --all-regions --concurrency 16 --json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every function fits (and is under --fail-over)", "1:a function does not fit or is over --fail-over",
            "2:bad input", "3:network or AWS failure: no region could be listed, or a function could not be measured (and none fails)"})
public final class AuditCommand implements Callable<Integer>, HasOptionGroups {

    @Option(names = "--all-regions", description = "Every commercial region Lambda runs in (instead of --region).")
    boolean allRegions;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "How many artifacts are read at once (default: 8).")
    int concurrency;

    @Option(names = "--fail-over", paramLabel = "PERCENT",
            description = "Exit 1 when a function uses this share of the limit or more (for CI).")
    Double failOver;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown to FILE.")
    Path markdown;

    final AwsOptions aws = new AwsOptions();

    final CommonOptions common = new CommonOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (concurrency < 1 || concurrency > 256) {
            throw new BadInputException("--concurrency " + concurrency + " is out of range: give 1 to 256");
        }
        if (failOver != null && (failOver <= 0 || failOver > 1000)) {
            throw new BadInputException("--fail-over " + failOver + " is not a percentage: give e.g. 80");
        }
        if (markdown != null && !dev.layerfit.io.StandardOutput.is(markdown)) {
            // refuse an output that cannot be written (a FIFO, a folder) before a long audit, not after it
            dev.layerfit.io.AtomicFileWriter.atomic().checkWritable(markdown);
        }
        List<String> regions = regions();
        var err = spec.commandLine().getErr();
        Progress progress = TerminalProgress.forConsole(common.json(), err);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "layerfit-audit");
            t.setDaemon(true);
            return t;
        });
        AuditResult result;
        try {
            AccountAudit audit = new AccountAudit(region -> {
                var clients = aws.clients("listing functions", region);
                return new SdkFunctionStore(clients.lambda(), clients.region().id());
            }, new LazyRemoteLayers(aws), pool);
            result = audit.run(regions, count -> {
                Progress.Task task = progress.start("measuring " + count + " artifacts", count);
                return () -> task.advance(1);
            });
        } finally {
            pool.shutdownNow();
        }
        if (result.rows().isEmpty() && result.regionErrors().size() == regions.size()) {
            throw new dev.layerfit.aws.AwsException("no region could be listed: " + result.regionErrors().get(0), null);
        }
        if (markdown != null) {
            ReportFile.write(markdown, AuditReport.markdown(result));
        }
        var out = spec.commandLine().getOut();
        out.print(common.json() ? Json.write(AuditReport.json(result)) + "\n" : AuditReport.text(result));
        out.flush();
        boolean failed = result.rows().stream().anyMatch(r -> r.fails()
                || failOver != null && r.measured() && r.percentOfLimit() >= failOver);
        if (failed) {
            return ExitCodes.FAILED;
        }
        // a function whose code or layers could not be read is not a pass: AWS did not let layerfit measure it
        List<AuditRow> unmeasured = result.rows().stream().filter(r -> !r.measured()).toList();
        if (unmeasured.isEmpty()) {
            return ExitCodes.OK;
        }
        AuditRow first = unmeasured.get(0);
        spec.commandLine().getErr().println("layerfit: " + unmeasured.size() + " of " + result.rows().size()
                + (result.rows().size() == 1 ? " function" : " functions") + " could not be measured ("
                + dev.layerfit.text.TerminalText.echo(first.region() + "/" + first.function() + ": " + first.error())
                + "); none that was measured fails, so the audit is not a pass");
        spec.commandLine().getErr().flush();
        return ExitCodes.NETWORK;
    }

    private List<String> regions() {
        if (allRegions) {
            if (aws.region() != null) {
                throw new BadInputException("--all-regions and --region both name regions: give one of them");
            }
            return LambdaRegions.COMMERCIAL;
        }
        if (aws.region() == null) {
            var clients = aws.clients("listing functions");
            return List.of(clients.region().id());
        }
        List<String> regions = Arrays.stream(aws.region().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        for (String r : regions) {
            if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}")) {
                throw new BadInputException("--region '" + r + "' is not a region name; give one like eu-west-1");
            }
        }
        return regions;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(aws, common);
    }
}
