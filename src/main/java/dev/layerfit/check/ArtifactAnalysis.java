package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.inventory.ArtifactKind;
import dev.layerfit.inventory.DuplicateFinder;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.Inventory;
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

    /** One analysed artifact; the artifact is closed (its figures stay readable). */
    public record Analyzed(Path path, MeasuredArtifact artifact, Inventory inventory) {
    }

    public static ArtifactAnalysis of(List<Path> paths) {
        return of(paths, () -> { });
    }

    /** Like {@link #of(List)}; {@code artifactDone} runs (on any thread) each time one artifact is inventoried. */
    public static ArtifactAnalysis of(List<Path> paths, Runnable artifactDone) {
        List<CompletableFuture<Analyzed>> futures = paths.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> analyze(p)).whenComplete((a, e) -> artifactDone.run()))
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

    private static Analyzed analyze(Path path) {
        try (MeasuredArtifact artifact = LocalArtifacts.open(path)) {
            Inventory inventory = Inventory.of(artifact, ArtifactKind.DETECT);
            artifact.zippedBytes();
            return new Analyzed(path, artifact, inventory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
