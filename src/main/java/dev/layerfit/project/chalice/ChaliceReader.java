package dev.layerfit.project.chalice;

import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.PythonTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Chalice project ({@code .chalice/config.json}) into the deployment model: for the stage, the REST API's
 * function ({@code api_handler}, whose settings are the stage-wide ones) and every function named in a
 * {@code lambda_functions} section, each with Chalice's managed layer first when {@code automatic_layer} is on,
 * then its manual layers, then the function zip.
 */
public final class ChaliceReader implements DeploymentReader {

    static final String CONFIG = ".chalice/config.json";

    @Override
    public String kind() {
        return "chalice";
    }

    @Override
    public List<String> markers(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG)) ? List.of(CONFIG) : List.of();
    }

    @Override
    public Deployment read(Path projectDir, ReadOptions options) {
        ChaliceConfig config = ChaliceConfig.load(projectDir);
        ResolvedSettings stageWide = config.resolve(options.stage(), null);
        String stage = stageWide.stage();
        boolean inline = !"package".equals(options.deployCommand()); // chalice deploy sends zips inline; package uses S3
        Set<String> names = new LinkedHashSet<>();
        names.add(ChaliceConfig.API_HANDLER);
        names.addAll(config.functionNames());
        ManagedLayerSource managed = managedLayerSource(options);
        ArtifactSource.Built managedLayer = new ArtifactSource.Built("requirements.txt + vendor/", notes -> {
            Path zip = managed.managedLayer(projectDir, notes);
            return zip == null ? Optional.empty() : Optional.of(LocalArtifacts.open(zip));
        });
        ArtifactSource managedForStage = wrap(managedLayer, stageWide);
        boolean automatic = stageWide.automaticLayer(); // Chalice reads automatic_layer per stage, not per function
        ArtifactSource.Built functionZip = new ArtifactSource.Built(ChalicePackage.describe(automatic),
                n -> Optional.of(ChalicePackage.open(projectDir, automatic)));
        List<String> notes = new ArrayList<>(stageWide.notes());
        List<LambdaFunction> functions = new ArrayList<>();
        for (String name : names) {
            ResolvedSettings s = config.resolve(stage, name);
            List<Artifact> layers = new ArrayList<>();
            if (s.automaticLayer()) {
                layers.add(new Artifact(ArtifactRole.MANAGED_LAYER, s.managedLayerName(), "managed layer",
                        managedForStage, inline, control(s), location(config, s.automaticLayerOrigin())));
            }
            for (String arn : s.layers()) {
                String shortName = LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn);
                layers.add(new Artifact(ArtifactRole.LAYER, arn, shortName, new ArtifactSource.Remote(arn), false, null,
                        location(config, s.layersOrigin())));
            }
            Artifact code = new Artifact(ArtifactRole.FUNCTION, "function", "function (" + ChalicePackage.describe(automatic)
                    + ")", functionZip, inline, null, SourceLocation.of(config.file(), 0));
            List<String> fnNotes = new ArrayList<>();
            if (!automatic && hasRequirements(projectDir)) {
                fnNotes.add("with automatic_layer off Chalice bundles requirements.txt into the function zip; "
                        + "those packages are not counted here: pass --package with the zip `chalice package` builds");
            }
            functions.add(new LambdaFunction(name, null, Architecture.X86_64, PackageType.ZIP, layers, code,
                    SourceLocation.of(config.file(), 0), fnNotes));
        }
        return new Deployment("Chalice app " + config.appName() + ", stage " + stage, "chalice " + (inline ? "deploy" : "package"),
                functions, notes);
    }

    /** The managed layer's build, with the messages saying which stage and setting it comes from. */
    private static ArtifactSource wrap(ArtifactSource.Built managed, ResolvedSettings s) {
        return new ArtifactSource.Built(managed.description(), notes -> {
            try {
                return managed.builder().build(notes);
            } catch (ManagedLayerUnavailableException e) {
                throw new ManagedLayerUnavailableException(e.kind(), "automatic_layer is on for stage " + s.stage()
                        + origin(s) + ", so Chalice adds its managed layer " + s.managedLayerName() + "; "
                        + e.getMessage(), e);
            }
        });
    }

    private static ManagedLayerSource managedLayerSource(ReadOptions options) {
        PythonTarget target = options.target() != null ? options.target()
                : PythonTarget.of("python3.12", null, null, "x86_64");
        String note = options.target() != null ? null : "Chalice builds the managed layer for the Python it runs on; "
                + "layerfit assumed python3.12 (pass --runtime to choose)";
        return new ChaliceManagedLayer(target, note, options.index(), options.toolVersion());
    }

    private static String control(ResolvedSettings s) {
        var o = s.automaticLayerOrigin();
        String origin = o.isDefault() ? "" : " (it is now true " + (o.scope().isEmpty() ? "at the top level"
                : "in " + o.scope()) + ", line " + o.line() + ")";
        return "in .chalice/config.json set \"automatic_layer\": false in stages." + s.stage() + origin
                + ", and keep in requirements.txt only what your layers lack: with automatic_layer off, Chalice "
                + "bundles requirements.txt into the function zip instead";
    }

    private static String origin(ResolvedSettings s) {
        return s.automaticLayerOrigin().isDefault() ? "" : " (" + s.automaticLayerOrigin().describe() + ")";
    }

    private static SourceLocation location(ChaliceConfig config, SettingOrigin origin) {
        return new SourceLocation(config.file(), origin.isDefault() ? 0 : origin.line(),
                origin.isDefault() ? 0 : origin.column());
    }

    private static boolean hasRequirements(Path projectDir) {
        Path req = projectDir.resolve("requirements.txt");
        try {
            return Files.isRegularFile(req) && Files.readAllLines(req).stream()
                    .map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
        } catch (IOException e) {
            return false;
        }
    }
}
