package dev.layerfit.aws;

import dev.layerfit.archive.RandomAccessSource;
import java.io.IOException;

/**
 * Opens the bytes of a published layer version for ranged reads. The seam between {@link RemoteLayers} and the
 * network: {@link HttpArtifactFetcher} reads Lambda's presigned {@code Content.Location}; tests serve zips from a
 * loopback server (moto's Location is not downloadable).
 */
@FunctionalInterface
public interface ArtifactFetcher {

    /** A source of {@code version.codeSize()} bytes; reads may go to the network. */
    RandomAccessSource open(LayerVersion version) throws IOException;
}
