package dev.layerfit.deployment;

import dev.layerfit.lambda.Architecture;
import java.util.List;

/**
 * One Lambda function of a deployment, as the deploy will create it.
 *
 * @param name         the function's name as the framework names it (a logical id when the physical name is
 *                     generated)
 * @param runtime      the runtime identifier ({@code python3.12}, {@code nodejs20.x}, …), or null when unknown
 *                     (e.g. an image function)
 * @param architecture x86_64 or arm64
 * @param packageType  zip or image
 * @param layers       the layers in the order Lambda stacks them (the earlier a layer, the earlier it is
 *                     extracted; later ones overwrite)
 * @param code         the function's own deployment package, or null for an image function
 * @param definedAt    where the project defines the function, or null
 * @param notes        caveats about how this function was read (one sentence each)
 */
public record LambdaFunction(String name, String runtime, Architecture architecture, PackageType packageType,
        List<Artifact> layers, Artifact code, SourceLocation definedAt, List<String> notes) {

    public LambdaFunction {
        if (name == null || architecture == null || packageType == null) {
            throw new IllegalArgumentException("name, architecture and package type are required");
        }
        if (packageType == PackageType.ZIP && code == null) {
            throw new IllegalArgumentException("a zip function needs its code artifact: " + name);
        }
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    /** Every artifact the function carries: its layers in order, then its code (none for an image). */
    public List<Artifact> artifacts() {
        if (code == null) {
            return layers;
        }
        List<Artifact> all = new java.util.ArrayList<>(layers);
        all.add(code);
        return List.copyOf(all);
    }
}
