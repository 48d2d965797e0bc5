package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.inventory.ArtifactKind;
import dev.layerfit.inventory.DuplicateFinder;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.Inventory;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.ArtifactSize;
import dev.layerfit.lambda.LimitEvaluator;
import dev.layerfit.lambda.LimitVerdict;
import dev.layerfit.project.ArtifactMap;
import dev.layerfit.project.ChaliceConfig;
import dev.layerfit.project.LayerArn;
import dev.layerfit.project.ResolvedSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Checks a Chalice project's deployment: reads its config for the stage and function, opens the local copy
 * of every artifact (managed layer, manual layers, function code), inventories them in parallel, holds the
 * sum against Lambda's limits and advises what to change.
 */
public final class DeploymentCheck {

    private DeploymentCheck() {
    }

    /** Runs the check; the caller closes nothing (artifacts are closed once inventoried). */
    public static CheckResult run(CheckRequest request) {
        return run(request, count -> () -> { });
    }

    /**
     * Like {@link #run(CheckRequest)}, reporting progress: {@code opening} is called once with the number of
     * artifacts to open, and the {@code Runnable} it returns runs (on any thread) as each one is inventoried.
     */
    public static CheckResult run(CheckRequest request, IntFunction<Runnable> opening) {
        Path projectDir = request.projectDir();
        ChaliceConfig config = ChaliceConfig.load(projectDir);
        ResolvedSettings settings = config.resolve(request.stage(), request.function());
        ArtifactMap map = ArtifactMap.of(projectDir, request.layerFlags(), request.managedLayer(), request.functionPackage());
        List<String> notes = new ArrayList<>(settings.notes());

        List<Planned> planned = plan(projectDir, settings, map, request.remoteLayers() != null, request.managedLayerSource(), notes);
        List<DeploymentArtifact> artifacts = open(planned, request.remoteLayers(), opening.apply(planned.size()));

        List<ArtifactSize> sizes = artifacts.stream().map(DeploymentArtifact::size).toList();
        LimitVerdict verdict = LimitEvaluator.evaluate(sizes, settings.layerCount());
        DuplicateReport duplicates = DuplicateFinder.find(artifacts.stream().map(DeploymentArtifact::inventory).toList());
        Advisor.Result advice = Advisor.advise(settings, artifacts, duplicates, verdict);
        return new CheckResult(settings, artifacts, verdict, duplicates, advice.advice(), advice.projectedUnzippedBytes(), notes);
    }

    /** An artifact to open: its role, what the deployment calls it, and where its local copy is. */
    private record Planned(ArtifactRole role, String ref, String name, Path path, boolean chalicePackage,
            boolean automaticLayer, Path projectDir) {

        boolean remote() {
            return path == null && !chalicePackage;
        }
    }

    private static List<Planned> plan(Path projectDir, ResolvedSettings settings, ArtifactMap map, boolean remote,
            ManagedLayerSource managedSource, List<String> notes) {
        List<Planned> planned = new ArrayList<>();
        Path computed = null;
        if (settings.automaticLayer() && map.managedLayer().isEmpty() && managedSource != null) {
            try {
                computed = managedSource.managedLayer(projectDir, notes);
            } catch (ManagedLayerUnavailableException e) {
                throw new ManagedLayerUnavailableException(e.kind(), "automatic_layer is on for stage " + settings.stage()
                        + origin(settings) + ", so Chalice adds its managed layer " + settings.managedLayerName() + "; "
                        + dev.layerfit.error.ExceptionWords.describe(e), e);
            }
        }
        if (settings.automaticLayer() && (computed != null || map.managedLayer().isPresent() || managedSource == null)) {
            Path managed = computed != null ? computed : map.managedLayer().orElseThrow(() -> new MissingArtifactException(
                    "automatic_layer is on for stage " + settings.stage() + origin(settings)
                            + ", so Chalice adds its managed layer " + settings.managedLayerName()
                            + ": pass --managed-layer PATH (that layer's zip or folder), or set \"managedLayer\" in "
                            + projectDir.resolve(ArtifactMap.PROJECT_FILE)));
            planned.add(new Planned(ArtifactRole.MANAGED_LAYER, settings.managedLayerName(), "managed layer", managed,
                    false, true, projectDir));
        }
        for (String arn : settings.layers()) {
            Path path = map.layer(arn).orElse(null);
            if (path == null && !remote) {
                throw new MissingArtifactException("layer " + arn + " (from " + settings.layersOrigin().describe()
                        + ") has no local copy and --offline forbids measuring it from AWS: pass --layer " + arn
                        + "=PATH (the layer's zip or folder), or map it in " + projectDir.resolve(ArtifactMap.PROJECT_FILE));
            }
            String name = LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn);
            planned.add(new Planned(ArtifactRole.LAYER, arn, name, path, false, false, projectDir));
        }
        for (String arn : map.layers().keySet()) {
            if (!settings.layers().contains(arn)) {
                notes.add("--layer/layerfit.json maps " + arn + ", which stage " + settings.stage()
                        + " does not use; it was ignored");
            }
        }
        if (map.functionPackage().isPresent()) {
            planned.add(new Planned(ArtifactRole.FUNCTION, "function", "function", map.functionPackage().get(), false,
                    settings.automaticLayer(), projectDir));
        } else {
            planned.add(new Planned(ArtifactRole.FUNCTION, "function", "function (" + ChalicePackage.describe(
                    settings.automaticLayer()) + ")", projectDir, true, settings.automaticLayer(), projectDir));
            if (!settings.automaticLayer() && hasRequirements(projectDir)) {
                notes.add("with automatic_layer off Chalice bundles requirements.txt into the function zip; "
                        + "those packages are not counted here: pass --package with the zip `chalice package` builds");
            }
        }
        return planned;
    }

    private static String origin(ResolvedSettings settings) {
        return settings.automaticLayerOrigin().isDefault() ? "" : " (" + settings.automaticLayerOrigin().describe() + ")";
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

    /** Opens and inventories every artifact in parallel; results keep the planned order. */
    private static List<DeploymentArtifact> open(List<Planned> planned, CheckRequest.RemoteLayerOpener remote,
            Runnable artifactDone) {
        List<CompletableFuture<DeploymentArtifact>> futures = planned.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> openOne(p, remote)).whenComplete((a, e) -> artifactDone.run()))
                .toList();
        List<DeploymentArtifact> out = new ArrayList<>();
        for (CompletableFuture<DeploymentArtifact> f : futures) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        return out;
    }

    private static DeploymentArtifact openOne(Planned p, CheckRequest.RemoteLayerOpener remote) {
        try {
            MeasuredArtifact artifact = p.chalicePackage() ? ChalicePackage.open(p.path(), p.automaticLayer())
                    : p.remote() ? remote.open(p.ref()) : LocalArtifacts.open(p.path());
            try (artifact) {
                ArtifactKind kind = p.role() == ArtifactRole.FUNCTION ? ArtifactKind.FUNCTION : ArtifactKind.LAYER;
                Inventory inventory = Inventory.of(artifact, kind);
                artifact.zippedBytes(); // computed while the folder is at hand (folders deflate once)
                String source = p.remote() ? "AWS (" + p.ref() + ")" : p.path().toString();
                return new DeploymentArtifact(p.role(), p.ref(), p.name(), source, artifact, inventory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
