package dev.layerfit.cli;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.aws.ArtifactDownloadException;
import dev.layerfit.aws.HttpArtifactFetcher;
import dev.layerfit.aws.OfflineException;
import dev.layerfit.aws.RemoteIndexCache;
import dev.layerfit.aws.RemoteLayers;
import dev.layerfit.aws.SdkFunctionStore;
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
    private final java.util.Map<String, RemoteLayers> byRegion = new java.util.HashMap<>();
    private RemoteLayers offline;

    LazyRemoteLayers(AwsOptions options) {
        this.options = options;
    }

    @Override
    public MeasuredArtifact open(String arn) {
        try {
            return remote(regionOf(arn)).open(arn);
        } catch (ArtifactDownloadException e) {
            // only the commands that measure a project's layers have --layer
            // a function's code is given with --package (--layer takes layer version ARNs only)
            throw new ArtifactDownloadException(e.getMessage() + "; or download the zip yourself and pass it with "
                    + (arn.contains(":layer:") ? "--layer " + arn + "=PATH" : "--package PATH"), e);
        } catch (OfflineException e) {
            throw new MissingArtifactException((arn.contains(":layer:") ? "layer " : "function ") + arn
                    + " has no local copy and was not measured on "
                    + "this machine before, and --offline forbids measuring it from AWS: pass --layer " + arn
                    + "=PATH (the layer's zip or folder), or run once without --offline");
        }
    }

    /** The region an ARN names (arn:PARTITION:lambda:REGION:…), or null to use --region / the profile's. */
    static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && !parts[3].isEmpty() ? parts[3] : null;
    }

    /** Clients for the ARN's own region: a layer or function lives in one region and is read there. */
    private synchronized RemoteLayers remote(String region) {
        if (options.offline()) {
            if (offline == null) {
                offline = new RemoteLayers(null, v -> {
                    throw new OfflineException("--offline: downloading " + v.layerVersionArn() + " is not allowed");
                }, RemoteIndexCache.atDefaultLocation(), true);
            }
            return offline;
        }
        return byRegion.computeIfAbsent(region == null ? "" : region, r -> {
            var clients = options.clients("measuring an artifact without a local copy", region);
            var lambda = clients.lambda();
            return new RemoteLayers(new SdkLayerStore(lambda), new SdkFunctionStore(lambda, clients.region().id()),
                    HttpArtifactFetcher.create(), RemoteIndexCache.atDefaultLocation(), false);
        });
    }
}
