package dev.layerfit.pipeline;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.python.install.LayerLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build.
 *
 * @param requirementFiles pip requirements files, or hashed locks (taken as is)
 * @param target           the runtime and architecture
 * @param layout           where packages go in the zip
 * @param slim             what to remove after installing
 * @param index            index flags
 * @param output           the layer zip to write (atomically)
 * @param verifyImports    import every top-level module with a local Python of the target's version
 * @param toolVersion      layerfit's version (part of the build cache key)
 * @param vendorDir        a folder whose contents are copied into the site folder after installing (Chalice's
 *                         {@code vendor/}), or null
 */
public record BuildRequest(List<Path> requirementFiles, PythonTarget target, LayerLayout layout, SlimOptions slim,
        IndexSettings index, Path output, boolean verifyImports, String toolVersion, Path vendorDir) {

    public BuildRequest {
        requirementFiles = List.copyOf(requirementFiles);
    }

    /** A request without a vendor folder. */
    public BuildRequest(List<Path> requirementFiles, PythonTarget target, LayerLayout layout, SlimOptions slim,
            IndexSettings index, Path output, boolean verifyImports, String toolVersion) {
        this(requirementFiles, target, layout, slim, index, output, verifyImports, toolVersion, null);
    }
}
