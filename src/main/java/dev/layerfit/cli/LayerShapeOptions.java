package dev.layerfit.cli;

import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.python.install.LayerLayout;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a layer is laid out and slimmed: the options {@code build} and {@code plan} share. */
public final class LayerShapeOptions {

    @Option(names = "--layout", paramLabel = "python|site-packages", description = "Where packages go in the zip (default python).")
    String layout = "python";

    @Option(names = "--slim", paramLabel = "PROFILE", description = "none, safe (default) or aggressive.")
    String slim = "safe";

    @Option(names = "--keep-discovery", paramLabel = "NAME",
            description = "Keep only these googleapiclient discovery documents, e.g. drive.v3 (repeatable).")
    List<String> keepDiscovery = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Also remove site paths matching GLOB (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "GLOB", description = "Never remove site paths matching GLOB (repeatable).")
    List<String> keeps = new ArrayList<>();

    public LayerLayout layout(PythonRuntime runtime) {
        return LayerLayout.parse(layout, runtime);
    }

    public SlimOptions slim(PythonRuntime runtime) {
        return new SlimOptions(SlimProfile.parse(slim), runtime, keepDiscovery, excludes, keeps);
    }

    /** The profile as given ("safe", ...), for messages. */
    public String profileName() {
        return slim;
    }
}
