package dev.layerfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.LayerPublisher;
import dev.layerfit.aws.LayerVersion;
import dev.layerfit.aws.PublishPlan;
import dev.layerfit.aws.PublishResult;
import dev.layerfit.aws.S3Uploader;
import dev.layerfit.aws.SdkLayerStore;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.project.chalice.ChaliceConfig;
import dev.layerfit.project.chalice.ChaliceConfigEditor;
import dev.layerfit.project.chalice.LayerReplacement;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.lambda.ByteSizeFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code layerfit publish LAYER.zip --name NAME}: publishes a layer version unless the newest one already holds this
 * zip, through S3 when it is over 50 MiB, and optionally points a Chalice config at the new ARN.
 */
@Command(name = "publish",
        header = "Publish a layer zip unless unchanged; update .chalice/config.json.", mixinStandardHelpOptions = true,
        description = {"Publishes a layer zip as a new Lambda layer version, unless the newest version already holds "
                + "the same zip (same CodeSha256); optionally replaces that layer's ARN in .chalice/config.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published, or skipped because unchanged", "2:bad input (zip, flags, config)",
            "3:network or AWS failure"})
public final class PublishCommand implements Callable<Integer>, HasOptionGroups {

    private static final Pattern LAYER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,140}");
    private static final ObjectMapper JSON = new ObjectMapper();

    final CommonOptions common = new CommonOptions();

    final AwsOptions aws = new AwsOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAYER.zip", description = "The layer zip to publish.")
    Path zip;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Layer name (letters, digits, - and _).")
    String name;

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "Compatible runtime, e.g. python3.12 (repeatable).")
    List<String> runtimes = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH", description = "Compatible architecture: x86_64 or arm64 (repeatable).")
    List<String> archs = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT",
            description = "Description (default: layerfit version, sha256, file count and unzipped bytes).")
    String description;

    @Option(names = "--s3-bucket", paramLabel = "BUCKET",
            description = "Upload through this S3 bucket (same region); required above 52,428,800 bytes zipped.")
    String s3Bucket;

    @Option(names = "--update-config", paramLabel = "CONFIG",
            description = "Replace this layer's ARN in the given .chalice/config.json (only that string changes).")
    Path config;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Stage whose layers to update (default: dev).")
    String stage;

    @Option(names = "--replace", paramLabel = "NAME",
            description = "Replace the ARN of this layer name in the config instead of --name's.")
    String replace;

    @Option(names = "--dry-run", description = "Show what would be published and the config change; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        validate();
        List<String> runtimeNames = runtimes.stream().map(PublishCommand::runtimeName).distinct().toList();
        List<String> archNames = archs.stream().map(a -> Architecture.parse(a).lambdaName()).distinct().toList();
        String stageName = stage == null ? ChaliceConfig.DEFAULT_STAGE : stage;
        String match = replace != null ? replace : name;
        if (config != null) {
            // check the config before touching AWS, so a bad config never leaves a published but unrecorded layer
            ChaliceConfigEditor.checkReplaceable(config, stageName, match);
            // ... and that it can be written (a read-only config, or one behind a link to a read-only file)
            if (!dryRun) {
                dev.layerfit.io.AtomicFileWriter.atomic().editingInput().checkWritable(config);
            }
        }
        AwsClients clients = aws.clients("publish");
        try (LambdaClient lambda = clients.lambda(); S3Client s3 = s3Bucket == null ? null : clients.s3()) {
            LayerPublisher publisher = new LayerPublisher(new SdkLayerStore(lambda), s3 == null ? null : new S3Uploader(s3));
            PublishPlan plan = publisher.plan(zip, name, runtimeNames, archNames, description, s3Bucket, ToolVersion.get());
            if (dryRun) {
                return printDryRun(plan, stageName, match, clients);
            }
            PublishResult result = publisher.execute(plan);
            LayerReplacement edit = null;
            if (config != null) {
                edit = ChaliceConfigEditor.replaceLayer(config, stageName, match, result.layerVersionArn());
                edit.write();
            }
            print(plan, result, edit);
        }
        return ExitCodes.OK;
    }

    private void validate() {
        dev.layerfit.aws.LambdaInputs.layerName(name, "--name");
        dev.layerfit.aws.LambdaInputs.description(description);
        if (replace != null && !LAYER_NAME.matcher(replace).matches()) {
            throw new BadInputException("--replace '" + replace + "' is not a layer name; give the name part of the ARN to replace");
        }
        if (config == null && (stage != null || replace != null)) {
            throw new BadInputException("--stage and --replace only apply with --update-config .chalice/config.json; add it or drop them");
        }
    }

    private static String runtimeName(String r) {
        String n = r.trim();
        if (n.startsWith("python")) {
            return PythonRuntime.forName(n).name();
        }
        return dev.layerfit.aws.LambdaInputs.runtime(n);
    }

    private Integer printDryRun(PublishPlan plan, String stageName, String match, AwsClients clients) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LayerVersion latest = plan.latest();
        // the ARN AWS will return: the newest version's with the next number, or version 1 in this region and account
        String predictedArn = plan.skips() ? plan.sameAsLatest().layerVersionArn()
                : latest != null ? latest.layerVersionArn().replaceAll(":\\d+$", ":" + (latest.version() + 1))
                : LayerArn.of(clients.partition(), clients.region().id(), clients.accountId(), plan.name(), 1).arn();
        LayerReplacement edit = config == null ? null
                : ChaliceConfigEditor.replaceLayer(config, stageName, match, predictedArn);
        if (common.json()) {
            ObjectNode root = JSON.createObjectNode();
            root.put("dryRun", true);
            root.put("layerVersionArn", predictedArn);
            root.put("version", plan.skips() ? plan.sameAsLatest().version() : latest == null ? 1 : latest.version() + 1);
            root.put("codeSha256", plan.zip().codeSha256());
            root.put("skipped", plan.skips());
            root.put("description", plan.description());
            root.put("upload", plan.s3Bucket() == null ? "inline" : "s3://" + plan.s3Bucket() + "/" + plan.s3Key());
            if (edit != null) {
                putConfig(root, edit);
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return ExitCodes.OK;
        }
        if (plan.skips()) {
            out.println("Would skip: the newest version " + predictedArn + " already holds this zip (CodeSha256 "
                    + plan.zip().codeSha256() + ").");
        } else {
            out.println("Would publish " + plan.zip().zip() + " as layer " + plan.name() + " version "
                    + (latest == null ? 1 : latest.version() + 1) + ": " + ByteSizeFormat.describe(plan.zip().zippedBytes()) + " zipped, "
                    + ByteSizeFormat.describe(plan.zip().unzippedBytes()) + " unzipped, " + plan.zip().entries() + " entries, "
                    + (plan.s3Bucket() == null ? "uploaded inline" : "through s3://" + plan.s3Bucket() + "/" + plan.s3Key()) + ".");
            out.println("Description: " + plan.description());
        }
        if (config != null) {
            if (edit.changes()) {
                out.println("Would change " + config + " (" + edit.jsonPath() + "):");
                out.println(edit.diff());
            } else {
                out.println(config + " already references " + edit.newArn() + "; nothing to change.");
            }
        }
        out.println("(dry run: nothing was published or written)");
        return ExitCodes.OK;
    }

    private void print(PublishPlan plan, PublishResult result, LayerReplacement edit) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            ObjectNode root = JSON.createObjectNode();
            root.put("layerVersionArn", result.layerVersionArn());
            root.put("version", result.version());
            root.put("codeSha256", result.codeSha256());
            root.put("skipped", result.skipped());
            root.put("zippedBytes", plan.zip().zippedBytes());
            root.put("unzippedBytes", plan.zip().unzippedBytes());
            if (edit != null) {
                putConfig(root, edit);
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        if (result.skipped()) {
            out.println("Unchanged: the newest version of " + plan.name() + " already holds this zip; nothing published.");
        } else {
            out.println("Published " + plan.name() + " version " + result.version() + " ("
                    + ByteSizeFormat.describe(plan.zip().zippedBytes()) + " zipped, " + ByteSizeFormat.describe(plan.zip().unzippedBytes()) + " unzipped).");
        }
        out.println(result.layerVersionArn());
        if (edit != null) {
            if (edit.changes()) {
                out.println("Updated " + edit.file() + " (" + edit.jsonPath() + "):");
                out.println(edit.diff());
            } else {
                out.println(edit.file() + " already references this version; unchanged.");
            }
        }
    }

    private static void putConfig(ObjectNode root, LayerReplacement edit) {
        ObjectNode c = root.putObject("config");
        c.put("file", edit.file().toString());
        c.put("jsonPath", edit.jsonPath());
        c.put("line", edit.line());
        c.put("oldArn", edit.oldArn());
        c.put("newArn", edit.newArn());
        c.put("changed", edit.changes());
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(common, aws);
    }
}
