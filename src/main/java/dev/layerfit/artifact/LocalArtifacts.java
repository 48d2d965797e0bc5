package dev.layerfit.artifact;

import dev.layerfit.archive.Artifacts;
import dev.layerfit.archive.LocalFileSource;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.archive.ZipIndex;
import dev.layerfit.listing.ListingMaterializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an artifact the user named on this machine: a zip, a folder (counted as its zip would be), or a
 * layerfit listing ({@code .listing}: a recorded file list with sizes, materialised once as a zip with
 * filler content in the cache, then measured like any zip).
 */
public final class LocalArtifacts {

    private LocalArtifacts() {
    }

    public static MeasuredArtifact open(Path path) throws IOException {
        if (ListingMaterializer.isListing(path) && Files.isRegularFile(path)) {
            Path zip = ListingMaterializer.materialize(path);
            return ZipIndex.of(LocalFileSource.open(zip), path.toString());
        }
        return Artifacts.open(path);
    }
}
