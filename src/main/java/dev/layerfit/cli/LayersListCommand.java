package dev.layerfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.AwsException;
import dev.layerfit.aws.HttpArtifactFetcher;
import dev.layerfit.aws.LayerNotFoundException;
import dev.layerfit.aws.LayerStore;
import dev.layerfit.aws.LayerVersion;
import dev.layerfit.aws.RemoteIndexCache;
import dev.layerfit.aws.RemoteLayerSize;
import dev.layerfit.aws.RemoteLayers;
import dev.layerfit.aws.SdkLayerStore;
import dev.layerfit.lambda.ByteSizeFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code layerfit layers list [--name NAME] [--unzipped]}: every layer's newest version, or every version of one layer. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the newest version of every layer in the region, or every version of --name.",
            "--unzipped also reads each version's central directory (a few ranged reads, cached) to show its unzipped size."})
public final class LayersListCommand implements Callable<Integer>, HasOptionGroups {

    private static final ObjectMapper JSON = new ObjectMapper();

    final CommonOptions common = new CommonOptions();

    final AwsOptions aws = new AwsOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "List every version of this layer.")
    String name;

    @Option(names = "--unzipped", description = "Also show zipped (CodeSize) and unzipped sizes.")
    boolean unzipped;

    /** One row: a version and, with --unzipped, its sizes or why they could not be read. */
    private record Row(LayerVersion version, RemoteLayerSize size, String error) {
    }

    @Override
    public Integer call() throws Exception {
        if (name != null) {
            dev.layerfit.aws.LambdaInputs.layerName(name, "--name");
        }
        AwsClients clients = aws.clients("layers list");
        List<Row> rows = new ArrayList<>();
        try (LambdaClient lambda = clients.lambda()) {
            LayerStore store = new SdkLayerStore(lambda);
            List<LayerVersion> versions = name == null ? store.listLayers() : store.listVersions(name);
            if (name != null && versions.isEmpty()) {
                throw new LayerNotFoundException("layer '" + name + "' has no versions in " + clients.region()
                        + "; check --name and --region", null);
            }
            RemoteLayers remote = unzipped
                    ? new RemoteLayers(store, HttpArtifactFetcher.create(), RemoteIndexCache.atDefaultLocation(), false) : null;
            for (LayerVersion v : versions) {
                rows.add(remote == null ? new Row(v, null, null) : measured(remote, v));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(rows)));
        } else {
            printTable(rows, out, spec.commandLine().getErr());
        }
        // every row is listed; a version whose size could not be read is a network/AWS failure of this run
        return rows.stream().anyMatch(r -> r.error() != null) ? ExitCodes.NETWORK : ExitCodes.OK;
    }

    /** One version's sizes; a version that cannot be read is reported in its row, and the others still are. */
    private static Row measured(RemoteLayers remote, LayerVersion v) {
        try {
            return new Row(v, remote.measure(v.layerVersionArn()), null);
        } catch (AwsException e) {
            return new Row(v, null, e.getMessage());
        }
    }

    private static ObjectNode toJson(List<Row> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode layers = root.putArray("layers");
        for (Row r : rows) {
            LayerVersion v = r.version();
            ObjectNode o = layers.addObject();
            o.put("name", v.layerName());
            o.put("version", v.version());
            o.put("layerVersionArn", v.layerVersionArn());
            o.put("description", v.description());
            o.put("createdDate", v.createdDate());
            v.compatibleRuntimes().forEach(o.putArray("compatibleRuntimes")::add);
            v.compatibleArchitectures().forEach(o.putArray("compatibleArchitectures")::add);
            if (r.error() != null) {
                o.putObject("error").put("message", r.error());
            } else if (r.size() != null) {
                o.put("codeSha256", r.size().codeSha256());
                o.put("zippedBytes", r.size().zippedBytes());
                o.put("unzippedBytes", r.size().unzippedBytes());
            }
        }
        return root;
    }

    private static void printTable(List<Row> rows, PrintWriter out, PrintWriter err) {
        if (rows.isEmpty()) {
            out.println("No layers in this region.");
            return;
        }
        boolean sizes = rows.stream().anyMatch(r -> r.size() != null || r.error() != null);
        int nameWidth = Math.max(5, rows.stream().mapToInt(r -> r.version().layerName().length()).max().orElse(5));
        String header = String.format("%-" + nameWidth + "s  %7s  %-28s  %-22s  %-14s", "LAYER", "VERSION", "CREATED",
                "RUNTIMES", "ARCH") + (sizes ? String.format("  %12s  %12s", "ZIPPED", "UNZIPPED") : "") + "  DESCRIPTION";
        out.println(header);
        for (Row r : rows) {
            LayerVersion v = r.version();
            String line = String.format("%-" + nameWidth + "s  %7d  %-28s  %-22s  %-14s", v.layerName(), v.version(),
                    v.createdDate() == null ? "" : v.createdDate(), String.join(",", v.compatibleRuntimes()),
                    String.join(",", v.compatibleArchitectures()));
            if (sizes && r.size() != null) {
                line += String.format("  %12s  %12s", ByteSizeFormat.human(r.size().zippedBytes()), ByteSizeFormat.human(r.size().unzippedBytes()));
            } else if (sizes) {
                line += String.format("  %12s  %12s", "-", "see below");
            }
            out.println(line + "  " + v.description());
        }
        for (Row r : rows) {
            if (r.error() != null) {
                err.println("layerfit: " + r.version().layerName() + ":" + r.version().version() + ": " + r.error());
            }
        }
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(common, aws);
    }
}
