package dev.layerfit.cli;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.aws.HttpArtifactFetcher;
import dev.layerfit.aws.OfflineException;
import dev.layerfit.aws.RemoteIndexCache;
import dev.layerfit.aws.RemoteLayers;
import dev.layerfit.aws.SdkLayerStore;
import dev.layerfit.check.RemoteOpener;
import dev.layerfit.deployment.MissingArtifactException;

/**
 * Opens published layers from AWS, creating the SDK clients only when a layer without a local copy is met
 * (so a check of local artifacts never loads the SDK or needs credentials). With {@code --offline} it answers
 * only from the cache of layers measured before on this machine.
 */
final class LazyRemoteLayers implements RemoteOpener {

    private final AwsOptions options;
    private RemoteLayers remote;

    LazyRemoteLayers(AwsOptions options) {
        this.options = options;
    }

    @Override
    public MeasuredArtifact open(String layerVersionArn) {
        try {
            return remote().open(layerVersionArn);
        } catch (OfflineException e) {
            throw new MissingArtifactException("layer " + layerVersionArn + " has no local copy and was not measured on "
                    + "this machine before, and --offline forbids measuring it from AWS: pass --layer " + layerVersionArn
                    + "=PATH (the layer's zip or folder), or run once without --offline");
        }
    }

    private synchronized RemoteLayers remote() {
        if (remote == null) {
            if (options.offline()) {
                remote = new RemoteLayers(null, v -> {
                    throw new OfflineException("--offline: downloading " + v.layerVersionArn() + " is not allowed");
                }, RemoteIndexCache.atDefaultLocation(), true);
            } else {
                var clients = options.clients("measuring a layer without a local copy");
                remote = new RemoteLayers(new SdkLayerStore(clients.lambda()), HttpArtifactFetcher.create(),
                        RemoteIndexCache.atDefaultLocation(), false);
            }
        }
        return remote;
    }
}
