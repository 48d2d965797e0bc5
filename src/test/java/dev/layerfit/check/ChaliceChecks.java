package dev.layerfit.check;

import dev.layerfit.deployment.ArtifactMap;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.project.chalice.ChaliceReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helper: checks a Chalice project the way {@code layerfit check} does, without the command line. */
public final class ChaliceChecks {

    private ChaliceChecks() {
    }

    /** The whole deployment; {@code remote} null refuses layers without a local copy (offline). */
    public static DeploymentResult run(Path project, String stage, String function, List<String> layerFlags,
            Path managedLayer, Path functionPackage, RemoteOpener remote) {
        ArtifactMap map = ArtifactMap.of(project, layerFlags, managedLayer, functionPackage);
        ReadOptions options = new ReadOptions(stage, Map.of(), null, null, null, IndexSettings.none(), "test", map, null,
                Map.of());
        Deployment d = map.applyTo(new ChaliceReader().read(project, options));
        if (function != null) {
            d = d.only(function);
        }
        return DeploymentCheck.run(d, new CheckOptions(remote, null));
    }

    /** The first function's result (the REST API's, {@code api_handler}, unless {@code function} names another). */
    public static CheckResult first(Path project, String stage, String function, List<String> layerFlags,
            Path managedLayer, Path functionPackage, RemoteOpener remote) {
        FunctionResult f = run(project, stage, function, layerFlags, managedLayer, functionPackage, remote).functions().get(0);
        if (!f.checked()) {
            throw new IllegalStateException("not checked: " + f.notChecked());
        }
        return f.result();
    }

    public static CheckResult first(Path project, String stage, String function, List<String> layerFlags,
            Path managedLayer, Path functionPackage) {
        return first(project, stage, function, layerFlags, managedLayer, functionPackage, null);
    }
}
