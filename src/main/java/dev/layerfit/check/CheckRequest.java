package dev.layerfit.check;

import java.nio.file.Path;
import java.util.List;

/**
 * What to check: a Chalice project, the stage and function to check it for, and where the local copies of
 * its artifacts are.
 *
 * @param projectDir   the Chalice project folder (holds {@code .chalice/config.json})
 * @param stage        the Chalice stage, or null for Chalice's default ({@code dev})
 * @param function     a function name from {@code lambda_functions}, or null for the stage-wide settings
 * @param layerFlags   {@code ARN=PATH} mappings from the command line
 * @param managedLayer Chalice's managed layer (zip, folder or listing), or null
 * @param functionPackage the function zip or folder, or null for the project's own files as Chalice ships them
 * @param remoteLayers opens a layer version ARN that has no local copy from AWS (reading only its zip's
 *                     central directory and a few small files), or null to refuse (offline)
 * @param managedLayerSource computes Chalice's managed layer when none is mapped, or null to require a mapping
 */
public record CheckRequest(Path projectDir, String stage, String function, List<String> layerFlags,
        Path managedLayer, Path functionPackage, RemoteLayerOpener remoteLayers, ManagedLayerSource managedLayerSource) {

    /** A request that does not compute the managed layer. */
    public CheckRequest(Path projectDir, String stage, String function, List<String> layerFlags, Path managedLayer,
            Path functionPackage, RemoteLayerOpener remoteLayers) {
        this(projectDir, stage, function, layerFlags, managedLayer, functionPackage, remoteLayers, null);
    }

    /** Opens a published layer version for measuring. */
    @FunctionalInterface
    public interface RemoteLayerOpener {
        dev.layerfit.archive.MeasuredArtifact open(String layerVersionArn);
    }

    public CheckRequest {
        layerFlags = List.copyOf(layerFlags);
    }

    /** A request that uses only local artifacts. */
    public CheckRequest(Path projectDir, String stage, String function, List<String> layerFlags, Path managedLayer,
            Path functionPackage) {
        this(projectDir, stage, function, layerFlags, managedLayer, functionPackage, null, null);
    }
}
