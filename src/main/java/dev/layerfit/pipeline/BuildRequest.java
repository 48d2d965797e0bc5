package dev.layerfit.pipeline;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.python.requirements.RequirementsInput;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build.
 *
 * @param input            requirement sources: pip requirements files, specifiers, {@code pyproject.toml}, or a lock
 *                         (taken as is)
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
public record BuildRequest(RequirementsInput input, PythonTarget target, LayerLayout layout, SlimOptions slim,
        IndexSettings index, Path output, boolean verifyImports, String toolVersion, Path vendorDir) {

    /** Requirements files (or a lock) with a vendor folder. */
    public BuildRequest(List<Path> requirementFiles, PythonTarget target, LayerLayout layout, SlimOptions slim,
            IndexSettings index, Path output, boolean verifyImports, String toolVersion, Path vendorDir) {
        this(RequirementsInput.files(requirementFiles), target, layout, slim, index, output, verifyImports, toolVersion, vendorDir);
    }

    /** A request without a vendor folder. */
    public BuildRequest(List<Path> requirementFiles, PythonTarget target, LayerLayout layout, SlimOptions slim,
            IndexSettings index, Path output, boolean verifyImports, String toolVersion) {
        this(RequirementsInput.files(requirementFiles), target, layout, slim, index, output, verifyImports, toolVersion, null);
    }
}
