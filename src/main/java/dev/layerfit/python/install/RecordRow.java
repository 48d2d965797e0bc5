package dev.layerfit.python.install;

/**
 * One row of a wheel's {@code RECORD} (binary distribution format spec, "The .dist-info directory"): a path, a
 * hash {@code algorithm=urlsafe-base64-nopad-digest} (may be empty) and a size in bytes as text (may be empty).
 */
public record RecordRow(String path, String hash, String size) {
}
