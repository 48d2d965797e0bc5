package dev.layerfit.aws;

/**
 * The outcome of {@code publish}: the version that now holds the zip.
 *
 * @param layerVersionArn the version's ARN
 * @param version         its number
 * @param codeSha256      Lambda's CodeSha256 (base64 of the SHA-256)
 * @param skipped         true when nothing was published because the newest version already had this zip
 */
public record PublishResult(String layerVersionArn, long version, String codeSha256, boolean skipped) {
}
