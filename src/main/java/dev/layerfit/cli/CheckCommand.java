package dev.layerfit.cli;

import dev.layerfit.check.CheckOptions;
import dev.layerfit.check.DeploymentCheck;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;
import dev.layerfit.deployment.ArtifactMap;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.aws.DeployedFunction;
import dev.layerfit.aws.SdkFunctionStore;
import dev.layerfit.error.BadInputException;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.project.deployed.DeployedFunctions;
import dev.layerfit.project.deployed.FunctionArn;
import dev.layerfit.progress.Progress;
import dev.layerfit.report.CheckJsonReport;
import dev.layerfit.report.CheckMarkdownReport;
import dev.layerfit.report.CheckTextReport;
import dev.layerfit.report.GithubReport;
import dev.layerfit.report.HtmlReport;
import dev.layerfit.report.Json;
import dev.layerfit.report.ReportFile;
import dev.layerfit.report.TerminalProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit check}: does a Chalice project's deployment fit Lambda's limits? */
@Command(name = "check",
        header = "Check a Chalice project's function + layers against Lambda's limits; rank fixes.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks a Chalice project's deployment against Lambda's limits, as AWS counts them: the function",
            "code plus every layer (Chalice's managed layer included) must unzip to under 262,144,000 bytes, with",
            "at most 5 layers. Names the AWS error a failing deploy would hit and ranks what to change by bytes saved.",
            "",
            "Local copies of the layers come from --layer flags or the project's layerfit.json; a layer without one",
            "is measured from AWS (GetLayerVersion, then ranged reads of its zip's central directory)."},
        footer = {"", "Examples:",
            "  layerfit check examples/seed-app --stage prod   # exits 1: it does not fit",
            "  layerfit check examples/seed-app --stage prod --function api_handler --managed-layer examples/seed-app/layers/managed.listing --json   # exits 1: it does not fit",
            "  layerfit check examples/seed-app --stage prod --html report.html --markdown report.md --github   # exits 1: it does not fit",
            "  layerfit check examples/sam-app",
            "  layerfit check --function-name api --region eu-west-1 --package examples/sam-app/hello   # code from a local copy"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the deployment fits", "1:it does not fit", "2:bad input (missing artifact, bad config, ...)"})
public final class CheckCommand implements Callable<Integer>, HasOptionGroups {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR|FUNCTION_ARN",
            description = "The project folder (default: .), or a deployed function's ARN.")
    Path projectDir = Path.of(".");

    @Option(names = "--stage", paramLabel = "NAME", description = "The Chalice stage (default: dev, as Chalice).")
    String stage;

    @Option(names = "--function", paramLabel = "NAME",
            description = "Check only this function (default: every function of the deployment).")
    String function;

    @Option(names = "--layer", paramLabel = "ARN=PATH",
            description = "The local zip or folder of a layer the config references (repeatable).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--package", paramLabel = "ZIP|DIR",
            description = "The function zip or folder (default: app.py, chalicelib/ and vendor/ as Chalice ships them).")
    Path functionPackage;

    @Option(names = "--managed-layer", paramLabel = "ZIP|DIR",
            description = "Chalice's managed layer (automatic_layer), as a zip or folder.")
    Path managedLayer;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report (zoomable treemap, limit bar, advice) to FILE.")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write a Markdown report (limits, artifacts, AWS error, options by bytes saved) to FILE.")
    Path markdown;

    @Option(names = "--github", description = {"GitHub Actions: print ::error/::warning workflow commands and append a",
        "summary to the file named by $GITHUB_STEP_SUMMARY (when set)."})
    boolean github;

    @Option(names = "--warn-under", paramLabel = "PERCENT", defaultValue = "10",
            description = "With --github: advice becomes a ::warning only when less than PERCENT of the 250 MiB limit is "
                    + "left (default: ${DEFAULT-VALUE}); a deployment that does not fit always gets them.")
    double warnUnder;

    final AwsOptions aws = new AwsOptions();

    final TargetOptions targetOptions = new TargetOptions();

    final IndexFlags index = new IndexFlags();

    final CommonOptions common = new CommonOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--deploy-command", paramLabel = "deploy|package",
            description = {"How the project is deployed (default: deploy). `chalice deploy` sends zips inline, so the 50 MiB",
                "zipped limit applies; `chalice package` (CloudFormation/Terraform) uploads them through S3."})
    String deployCommand;

    @Option(names = "--deploy-machine", paramLabel = "NAME",
            description = {"The CI machine that runs the deploy, when it is not this one: ubuntu-24.04, ubuntu-24.04-arm,",
                "ubuntu-22.04, ubuntu-22.04-arm (GitHub's runners). Chalice picks versions as pip does there."})
    String deployMachine;

    @Option(names = "--deploy-python", paramLabel = "X.Y", description = "The deploying machine's Python (with --deploy-glibc).")
    String deployPython;

    @Option(names = "--deploy-glibc", paramLabel = "A.B", description = "The deploying machine's glibc (with --deploy-python).")
    String deployGlibc;

    @Option(names = "--deploy-arch", paramLabel = "ARCH", description = "The deploying machine's architecture (default x86_64).")
    String deployArch;

    @Option(names = "--allow-missing",
            description = "Do not fail when the packager leaves out a requirement it found no wheel for (still reported).")
    boolean allowMissing;

    @Option(names = "--function-name", paramLabel = "NAME",
            description = "Check a function already deployed, by name (with --region), instead of a project.")
    String functionName;

    @Option(names = "--parameter-overrides", paramLabel = "KEY=VALUE",
            description = "Template parameter values (SAM, CloudFormation), as sam deploy takes them (repeatable; "
                    + "\"K1=V1 K2=V2\" in one value works too).")
    List<String> parameterOverrides = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID",
            description = "The AWS account id templates' AWS::AccountId stands for (with --region for AWS::Region).")
    String account;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "The kind of project (default: detected from the folder's files).")
    String kind;

    @Override
    public Integer call() {
        if (!(warnUnder >= 0 && warnUnder <= 100)) {
            throw new dev.layerfit.error.BadInputException("--warn-under " + warnUnder + " is not a percentage; give one from 0 to 100");
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean deployed = functionName != null || FunctionArn.looksLikeFunctionArn(projectDir.toString());
        Path folder = deployed ? Path.of(".") : projectDir;
        ArtifactMap map = ArtifactMap.of(folder, layers, managedLayer, functionPackage);
        // a deployed function and a project folder are read alike, then the same --layer/--package copies apply
        Deployment deployment = map.applyTo(deployed ? deployedFunction(functionName != null ? functionName : projectDir.toString())
                : project(map));
        deployment.leftOut().allow(allowMissing);
        if (function != null) {
            deployment = deployment.only(function);
        }
        Progress progress = TerminalProgress.forConsole(common.json(), err);
        Progress.Task[] task = new Progress.Task[1];
        DeploymentResult result;
        try {
            result = DeploymentCheck.run(deployment, new CheckOptions(new LazyRemoteLayers(aws), count -> {
                task[0] = progress.start("measuring " + count + (count == 1 ? " artifact" : " artifacts"), count);
                return () -> task[0].advance(1);
            }));
        } finally {
            if (task[0] != null) {
                task[0].close();
            }
        }
        failIfNothingChecked(result);
        Path base = Path.of("");
        if (html != null) {
            ReportFile.write(html, HtmlReport.of(result, base));
        }
        if (markdown != null) {
            ReportFile.write(markdown, CheckMarkdownReport.render(result, base));
        }
        out.print(common.json() ? Json.write(CheckJsonReport.of(result)) + "\n" : CheckTextReport.render(result));
        out.flush();
        if (github) {
            // with --json, stdout holds only JSON: the workflow commands go to stderr (the runner reads both)
            GithubReport.write(result, base, common.json() ? err : out, System::getenv, warnUnder);
        }
        return result.fits() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A function already in AWS, by ARN (its region) or by name (--region): GetFunction, then ranged reads. */
    /** The project folder read by its framework's reader, with the command line's read options. */
    private Deployment project(ArtifactMap map) {
        DeploymentReader reader = KnownReaders.all().choose(projectDir, kind);
        boolean targetGiven = targetOptions.runtime != null || targetOptions.pythonVersion != null || targetOptions.glibc != null;
        if (deployCommand != null && !deployCommand.equals("deploy") && !deployCommand.equals("package")) {
            throw new BadInputException("--deploy-command must be deploy or package, not '" + deployCommand + "'");
        }
        Map<String, List<String>> extra = new java.util.LinkedHashMap<>();
        putFlag(extra, "deploy-machine", deployMachine);
        putFlag(extra, "deploy-python", deployPython);
        putFlag(extra, "deploy-glibc", deployGlibc);
        putFlag(extra, "deploy-arch", deployArch);
        ReadOptions options = new ReadOptions(stage, ParameterOverrides.parse(parameterOverrides), aws.region(),
                ParameterOverrides.account(account), targetGiven ? targetOptions.target() : null, index.settings(),
                ToolVersion.get(), map, deployCommand, extra);
        return reader.read(projectDir, options);
    }

    private Deployment deployedFunction(String arnOrName) {
        String region = aws.region();
        if (FunctionArn.looksLikeFunctionArn(arnOrName)) {
            FunctionArn arn = FunctionArn.parse(arnOrName).orElseThrow(() -> new BadInputException("'" + arnOrName
                    + "' is not a function ARN; give one like arn:aws:lambda:eu-west-1:123456789012:function:NAME"));
            region = arn.region();
        }
        var clients = aws.clients("checking a deployed function", region);
        DeployedFunction f = new SdkFunctionStore(clients.lambda(), clients.region().id()).get(arnOrName);
        return DeployedFunctions.toDeployment("deployed function " + f.functionArn(), List.of(f));
    }

    private static void putFlag(Map<String, List<String>> extra, String name, String value) {
        if (value != null) {
            extra.put(name, List.of(value));
        }
    }

    /** When no function could be measured, the first reason is the error (exit 2, or 3 for network/AWS). */
    private static void failIfNothingChecked(DeploymentResult result) {
        if (!result.checked().isEmpty()) {
            return;
        }
        result.functions().stream().filter(f -> f.failure() != 0).findFirst().ifPresent(f -> {
            throw new NotCheckedException(f);
        });
    }

    /** No function could be checked: the reason of the first, with its exit code. */
    private static final class NotCheckedException extends LayerfitException {
        NotCheckedException(FunctionResult f) {
            super(f.failure() == 3 ? Kind.NETWORK : Kind.BAD_INPUT, f.notChecked());
        }
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(aws, targetOptions, index, common);
    }
}
