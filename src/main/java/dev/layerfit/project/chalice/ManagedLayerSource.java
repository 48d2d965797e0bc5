package dev.layerfit.project.chalice;

import java.nio.file.Path;
import java.util.List;

/**
 * Computes Chalice's managed layer for a project when no local copy is mapped ({@code --managed-layer} or
 * {@code layerfit.json}).
 */
@FunctionalInterface
public interface ManagedLayerSource {

    /**
     * The managed layer (a zip or folder) of {@code projectDir}, or null when Chalice would create none (no
     * requirements and no {@code vendor/}); notes about how it was made go to {@code notes}.
     */
    Path managedLayer(Path projectDir, List<String> notes);
}
