package dev.layerfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.LayerNotFoundException;
import dev.layerfit.aws.LayerStore;
import dev.layerfit.aws.LayerVersion;
import dev.layerfit.aws.PrunePlan;
import dev.layerfit.aws.SdkLayerStore;
import dev.layerfit.error.BadInputException;
import dev.layerfit.project.chalice.LayerReferences;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code layerfit layers prune --name NAME --keep N [--yes] [--config FILE]}: deletes old versions, keeping the newest
 * N and any version the project config references. Without {@code --yes} it only lists what it would delete.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Deletes old versions of a layer, keeping the newest --keep N and every version --config references.",
            "Lists what it would delete; deletes only with --yes."})
public final class LayersPruneCommand implements Callable<Integer>, HasOptionGroups {

    private static final ObjectMapper JSON = new ObjectMapper();

    final CommonOptions common = new CommonOptions();

    final AwsOptions aws = new AwsOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The layer to prune.")
    String name;

    @Option(names = "--keep", required = true, paramLabel = "N", description = "How many of the newest versions to keep.")
    int keep;

    @Option(names = "--yes", description = "Really delete (without it, only list what would be deleted).")
    boolean yes;

    @Option(names = "--config", paramLabel = "CONFIG",
            description = "A .chalice/config.json whose referenced versions (any stage or function) are never deleted.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (keep < 0) {
            throw new BadInputException("--keep " + keep + " is negative; give how many of the newest versions to keep (0 or more)");
        }
        Set<Long> referenced = config == null ? Set.of() : LayerReferences.of(config).versionsOf(name);
        dev.layerfit.aws.LambdaInputs.layerName(name, "--name");
        AwsClients clients = aws.clients("layers prune");
        PrunePlan plan;
        try (LambdaClient lambda = clients.lambda()) {
            LayerStore store = new SdkLayerStore(lambda);
            List<LayerVersion> versions = store.listVersions(name);
            if (versions.isEmpty()) {
                throw new LayerNotFoundException("layer '" + name + "' has no versions in " + clients.region()
                        + "; check --name and --region", null);
            }
            plan = PrunePlan.of(name, versions, keep, referenced);
            if (yes) {
                for (LayerVersion v : plan.delete()) {
                    store.deleteVersion(name, v.version());
                }
            }
        }
        print(plan, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private void print(PrunePlan plan, PrintWriter out) throws Exception {
        if (common.json()) {
            ObjectNode root = JSON.createObjectNode();
            root.put("name", plan.name());
            root.put("deleted", yes);
            ArrayNode kept = root.putArray("kept");
            plan.keepNewest().forEach(v -> kept.addObject().put("version", v.version())
                    .put("layerVersionArn", v.layerVersionArn()).put("reason", "newest"));
            plan.referenced().forEach(v -> kept.addObject().put("version", v.version())
                    .put("layerVersionArn", v.layerVersionArn()).put("reason", "referenced by " + config));
            ArrayNode delete = root.putArray("delete");
            plan.delete().forEach(v -> delete.addObject().put("version", v.version()).put("layerVersionArn", v.layerVersionArn()));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        for (LayerVersion v : plan.keepNewest()) {
            out.println("keep    " + v.layerVersionArn() + "  (one of the newest " + keep + ")");
        }
        for (LayerVersion v : plan.referenced()) {
            out.println("keep    " + v.layerVersionArn() + "  (referenced by " + config + ")");
        }
        for (LayerVersion v : plan.delete()) {
            out.println((yes ? "deleted " : "delete  ") + v.layerVersionArn());
        }
        if (plan.delete().isEmpty()) {
            out.println("Nothing to delete.");
        } else if (!yes) {
            out.println("(dry run: pass --yes to delete these " + plan.delete().size() + " version(s))");
        }
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(common, aws);
    }
}
