package dev.layerfit.project;

import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.pipeline.IndexSettings;
import java.util.Map;

/** Read options as the command line gives them, for reader tests. */
public final class TestReadOptions {

    private TestReadOptions() {
    }

    public static ReadOptions none() {
        return of(Map.of(), null, null, IndexSettings.none());
    }

    public static ReadOptions of(Map<String, String> parameters, String region, String account, IndexSettings index) {
        return new ReadOptions(null, parameters, region, account, null, index, "test", null, null, Map.of());
    }
}
