package dev.layerfit.aws;

import java.util.List;

/**
 * A function as Lambda describes it (GetFunction / ListFunctions).
 *
 * @param functionArn   {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}
 * @param name          the function name
 * @param region        the region it lives in
 * @param runtime       e.g. {@code python3.12}; null for an image function
 * @param architectures x86_64 and/or arm64 (Lambda's default x86_64 when it says nothing)
 * @param packageType   {@code Zip} or {@code Image}
 * @param layers        the layer version ARNs in order
 * @param codeSha256    base64 of the code zip's SHA-256, or null
 * @param codeSize      the code zip's size in bytes, or -1
 * @param location      a presigned URL of the code zip (GetFunction only), or null
 */
public record DeployedFunction(String functionArn, String name, String region, String runtime, List<String> architectures,
        String packageType, List<String> layers, String codeSha256, long codeSize, String location) {

    public DeployedFunction {
        architectures = architectures == null || architectures.isEmpty() ? List.of("x86_64") : List.copyOf(architectures);
        layers = List.copyOf(layers);
    }

    public boolean image() {
        return "Image".equalsIgnoreCase(packageType);
    }

    /**
     * The function's code in the shape {@link ArtifactFetcher} and the tail cache take (a "version" whose
     * Location, CodeSha256 and CodeSize are the function's).
     */
    public LayerVersion asCode() {
        return new LayerVersion(functionArn, name, 0, "", "", List.of(), architectures, codeSha256, codeSize, location);
    }
}
