package dev.layerfit.pipeline;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.python.requirements.RequirementsInput;
import java.nio.file.Path;
import java.util.List;

/**
 * What to plan.
 *
 * @param input            one or more requirement sources; with several, each is a layer when they fit the count
 * @param target           the runtime and architecture
 * @param layout           where packages would go
 * @param slim             the slim profile and rules the layers would be built with
 * @param maxLayers        the most layers to plan (Lambda allows 5)
 * @param index            index flags
 */
public record PlanRequest(RequirementsInput input, PythonTarget target, LayerLayout layout, SlimOptions slim,
        int maxLayers, IndexSettings index) {

    public PlanRequest {
        if (maxLayers < 1) {
            throw new dev.layerfit.error.BadInputException("--max-layers must be at least 1, not " + maxLayers);
        }
    }

    /** Requirements files only. */
    public PlanRequest(List<Path> requirementFiles, PythonTarget target, LayerLayout layout, SlimOptions slim,
            int maxLayers, IndexSettings index) {
        this(RequirementsInput.files(requirementFiles), target, layout, slim, maxLayers, index);
    }
}
