package dev.layerfit.cli;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.aws.HttpArtifactFetcher;
import dev.layerfit.aws.RemoteIndexCache;
import dev.layerfit.aws.RemoteLayers;
import dev.layerfit.aws.SdkLayerStore;
import dev.layerfit.check.CheckRequest;

/**
 * Opens published layers from AWS, creating the SDK clients only when a layer without a local copy is met
 * (so a check of local artifacts never loads the SDK or needs credentials).
 */
final class LazyRemoteLayers implements CheckRequest.RemoteLayerOpener {

    private final AwsOptions options;
    private RemoteLayers remote;

    LazyRemoteLayers(AwsOptions options) {
        this.options = options;
    }

    @Override
    public MeasuredArtifact open(String layerVersionArn) {
        return remote().open(layerVersionArn);
    }

    private synchronized RemoteLayers remote() {
        if (remote == null) {
            var clients = options.clients("measuring a layer without a local copy");
            remote = new RemoteLayers(new SdkLayerStore(clients.lambda()), HttpArtifactFetcher.create(),
                    RemoteIndexCache.atDefaultLocation(), false);
        }
        return remote;
    }
}
