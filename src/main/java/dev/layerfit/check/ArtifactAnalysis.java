package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.inventory.ArtifactKind;
import dev.layerfit.inventory.DuplicateFinder;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.Inventory;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.MissingArtifactException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code analyze}: measures and inventories artifacts given by path (zips, folders, listings) in parallel,
 * and finds what they duplicate between them.
 *
 * @param artifacts  each artifact with its inventory, in the order given
 * @param duplicates distributions and files in more than one of them (as if stacked in that order)
 */
public record ArtifactAnalysis(List<Analyzed> artifacts, DuplicateReport duplicates) {

    /**
     * One analysed artifact; the artifact is closed (its figures stay readable).
     *
     * @param ref what the user named: a path, or a layer version ARN measured from AWS
     */
    public record Analyzed(String ref, MeasuredArtifact artifact, Inventory inventory) {
    }

    /** Analyses local zips, folders or listings. */
    public static ArtifactAnalysis of(List<Path> paths) {
        return of(paths.stream().map(Path::toString).toList(), null, () -> { });
    }

    /**
     * Analyses each reference: a layer version ARN is opened with {@code remote} (null: refused, offline), anything
     * else is a local path; {@code artifactDone} runs (on any thread) each time one artifact is inventoried.
     */
    public static ArtifactAnalysis of(List<String> refs, RemoteOpener remote, Runnable artifactDone) {
        if (refs.size() == 1) {
            // one artifact: on this thread (starting the common pool costs more at start-up than it saves)
            Analyzed only = analyze(refs.get(0), remote);
            artifactDone.run();
            return new ArtifactAnalysis(List.of(only), DuplicateFinder.find(List.of(only.inventory())));
        }
        List<CompletableFuture<Analyzed>> futures = refs.stream()
                .map(r -> CompletableFuture.supplyAsync(() -> analyze(r, remote)).whenComplete((a, e) -> artifactDone.run()))
                .toList();
        List<Analyzed> out = new ArrayList<>();
        for (CompletableFuture<Analyzed> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        return new ArtifactAnalysis(List.copyOf(out), DuplicateFinder.find(out.stream().map(Analyzed::inventory).toList()));
    }

    private static Analyzed analyze(String ref, RemoteOpener remote) {
        boolean arn = LayerArn.looksLikeLayerArn(ref);
        if (arn && remote == null) {
            throw new MissingArtifactException(ref + " is a layer ARN and --offline forbids measuring it from AWS; "
                    + "give the layer's zip or folder instead");
        }
        try (MeasuredArtifact artifact = arn ? remote.open(ref) : LocalArtifacts.open(Path.of(ref))) {
            Inventory inventory = Inventory.of(artifact, arn ? ArtifactKind.LAYER : ArtifactKind.DETECT);
            artifact.zippedBytes();
            return new Analyzed(ref, artifact, inventory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
