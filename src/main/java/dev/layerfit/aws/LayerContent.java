package dev.layerfit.aws;

import java.nio.file.Path;

/** Where a layer's zip comes from when publishing: the file itself (inline upload) or an object in S3. */
public sealed interface LayerContent {

    /** The zip sent in the request body (at most 52,428,800 bytes). */
    record Inline(Path zip) implements LayerContent {
    }

    /** A zip already in S3, in the same region as the layer. */
    record S3Object(String bucket, String key) implements LayerContent {
    }
}
