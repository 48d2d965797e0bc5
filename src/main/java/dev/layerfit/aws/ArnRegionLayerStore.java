package dev.layerfit.aws;

import dev.layerfit.deployment.LayerArn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A {@link LayerStore} that reads a layer version named by ARN in the ARN's own region (a layer published in
 * ap-northeast-2 is only found there, whatever {@code --region} says), and does everything named by layer name in the
 * command's region. Clients are made on first use, one per region, and closed by {@link #close()}.
 */
public final class ArnRegionLayerStore implements LayerStore, AutoCloseable {

    private final AwsClientSettings settings;
    private final UnaryOperator<String> env;
    private final Map<String, LambdaClient> clients = new LinkedHashMap<>();
    private AwsClients home;

    public ArnRegionLayerStore(AwsClientSettings settings, UnaryOperator<String> env) {
        this.settings = settings;
        this.env = env;
    }

    @Override
    public LayerVersion getLayerVersionByArn(String layerVersionArn) {
        String region = LayerArn.parse(layerVersionArn).map(LayerArn::region).orElse(null);
        return region == null ? homeStore().getLayerVersionByArn(layerVersionArn) // the home store explains a bad ARN
                : new SdkLayerStore(client(region)).getLayerVersionByArn(layerVersionArn);
    }

    @Override
    public LayerVersion publish(String name, String description, List<String> runtimes, List<String> architectures,
            LayerContent content) {
        return homeStore().publish(name, description, runtimes, architectures, content);
    }

    @Override
    public List<LayerVersion> listVersions(String name) {
        return homeStore().listVersions(name);
    }

    @Override
    public List<LayerVersion> listLayers() {
        return homeStore().listLayers();
    }

    @Override
    public void deleteVersion(String name, long version) {
        homeStore().deleteVersion(name, version);
    }

    private SdkLayerStore homeStore() {
        return new SdkLayerStore(client(null));
    }

    /** The client for {@code region}, or for the command's region when null. */
    private synchronized LambdaClient client(String region) {
        if (region == null) {
            if (home == null) {
                home = AwsClients.of(settings, env);
            }
            region = home.region().id();
        }
        LambdaClient c = clients.get(region);
        if (c == null) {
            // an ARN's region needs no configured region: build from the settings with that region set
            AwsClients forRegion = home != null ? home.inRegion(region)
                    : AwsClients.of(new AwsClientSettings(settings.profile(), region, settings.endpoint(), settings.credentials()), env);
            c = forRegion.lambda();
            clients.put(region, c);
        }
        return c;
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(LambdaClient::close);
        clients.clear();
    }
}
