package dev.layerfit.project.chalice;

import java.nio.file.Path;
import java.util.List;

/**
 * The layer settings Chalice will deploy one function (or every function of a stage) with, and where each came from.
 *
 * @param configFile the config file read
 * @param appName {@code app_name}
 * @param stage the Chalice stage
 * @param function the function these settings are for, or null for the stage-wide settings (those of every
 *     function without its own {@code lambda_functions} entry)
 * @param layers the manual layer ARNs in order (Chalice puts the managed layer, if any, before them)
 * @param layersOrigin where {@code layers} was set, or {@link SettingOrigin#DEFAULT} (no layers)
 * @param automaticLayer whether Chalice builds and attaches its managed layer
 * @param automaticLayerOrigin where {@code automatic_layer} was set, or {@link SettingOrigin#DEFAULT} (false)
 * @param notes things in the config Chalice ignores that the user may think matter (one sentence each)
 */
public record ResolvedSettings(Path configFile, String appName, String stage, String function, List<String> layers,
        SettingOrigin layersOrigin, boolean automaticLayer, SettingOrigin automaticLayerOrigin, List<String> notes) {

    public ResolvedSettings {
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    /** The name Chalice publishes its managed layer under: {@code {app_name}-{stage}-managed-layer}. */
    public String managedLayerName() {
        return ChaliceConfig.managedLayerName(appName, stage);
    }

    /** How many layers the function will reference: the manual ones plus the managed layer when it is on. */
    public int layerCount() {
        return layers.size() + (automaticLayer ? 1 : 0);
    }
}
