package dev.layerfit.aws;

import java.util.List;

/**
 * Lambda layer versions: publish, read, list and delete. {@link SdkLayerStore} talks to AWS (or moto); failures are
 * {@link AwsException}s with one helpful sentence.
 */
public interface LayerStore {

    /** Publishes a new version of {@code name} (lambda:PublishLayerVersion); returns it, with CodeSha256 and CodeSize. */
    LayerVersion publish(String name, String description, List<String> runtimes, List<String> architectures,
            LayerContent content);

    /**
     * The version named by a layer version ARN, with its CodeSha256, CodeSize and Location (lambda:GetLayerVersion).
     *
     * @throws LayerNotFoundException when it does not exist
     */
    LayerVersion getLayerVersionByArn(String layerVersionArn);

    /** Every version of {@code name}, newest first (lambda:ListLayerVersions); empty when the layer does not exist. */
    List<LayerVersion> listVersions(String name);

    /** The newest version of every layer in the region (lambda:ListLayers). */
    List<LayerVersion> listLayers();

    /** Deletes one version (lambda:DeleteLayerVersion); deleting one that does not exist is not an error in Lambda. */
    void deleteVersion(String name, long version);
}
