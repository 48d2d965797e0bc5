package dev.layerfit.aws;

/**
 * A published layer version measured the way Lambda counts it.
 *
 * @param layerVersionArn the version ARN
 * @param codeSha256      Lambda's CodeSha256 (base64)
 * @param zippedBytes     Lambda's CodeSize
 * @param unzippedBytes   the sum over the central directory (see {@link dev.layerfit.archive.ArchiveEntry#countedBytes()})
 * @param entries         the number of central-directory entries
 * @param fromCache       whether the central directory came from the local cache (nothing downloaded)
 */
public record RemoteLayerSize(String layerVersionArn, String codeSha256, long zippedBytes, long unzippedBytes,
        int entries, boolean fromCache) {
}
