package dev.layerfit.check;

/**
 * One thing to change, with the bytes it saves (0 when it saves none but is needed, e.g. an S3 upload).
 *
 * @param id         a stable identifier scripts can match (e.g. {@code automatic-layer-duplicates})
 * @param message    one or two sentences: what is wrong and what to change
 * @param savesBytes unzipped bytes it removes from the deployment, counted after the advice ranked above it
 * @param action     the exact change: a config edit or a command
 */
public record Advice(String id, String message, long savesBytes, String action) {
}
