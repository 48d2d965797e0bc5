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
 */
public record CheckRequest(Path projectDir, String stage, String function, List<String> layerFlags,
        Path managedLayer, Path functionPackage) {

    public CheckRequest {
        layerFlags = List.copyOf(layerFlags);
    }
}
