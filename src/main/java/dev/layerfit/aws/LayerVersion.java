package dev.layerfit.aws;

import java.util.List;

/**
 * One published layer version, as Lambda describes it. {@code codeSha256}, {@code codeSize} and {@code location}
 * come only from GetLayerVersion (ListLayerVersions leaves them out): they are null / -1 otherwise.
 *
 * @param layerVersionArn {@code arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION}
 * @param layerName       the layer's name
 * @param version         the version number
 * @param description     the description, possibly empty
 * @param createdDate     as Lambda reports it (ISO-8601)
 * @param compatibleRuntimes      e.g. python3.12
 * @param compatibleArchitectures x86_64 and/or arm64
 * @param codeSha256      base64 of the zip's SHA-256, as Lambda reports it, or null
 * @param codeSize        the zip's size in bytes, or -1
 * @param location        a presigned URL of the zip (valid about 10 minutes), or null
 */
public record LayerVersion(String layerVersionArn, String layerName, long version, String description, String createdDate,
        List<String> compatibleRuntimes, List<String> compatibleArchitectures, String codeSha256, long codeSize,
        String location) {

    public LayerVersion {
        compatibleRuntimes = List.copyOf(compatibleRuntimes);
        compatibleArchitectures = List.copyOf(compatibleArchitectures);
        description = description == null ? "" : description;
    }
}
