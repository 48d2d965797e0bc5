package dev.layerfit.inventory;

/**
 * Whether an artifact is function code (extracted to {@code /var/task}, its root on the search path) or a
 * layer (extracted to {@code /opt}, only its documented folders on the search paths).
 */
public enum ArtifactKind {
    FUNCTION,
    LAYER,
    /**
     * Decide from the contents: a layer when any entry lies under {@code python/}, {@code nodejs/} or
     * {@code java/}, else function code. A layer of only {@code bin/} or {@code lib/} (an ffmpeg layer)
     * looks like function code this way; callers that know the role should say so.
     */
    DETECT
}
