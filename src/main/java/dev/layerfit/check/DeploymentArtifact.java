package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.inventory.Inventory;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.ArtifactSize;

/**
 * One artifact of a deployment, measured and inventoried.
 *
 * @param role     function code, Chalice's managed layer, or a manual layer
 * @param ref      what the deployment calls it: the layer ARN, the managed layer's name, or "function"
 * @param name     a short name for tables ("shuking-numpy-layer:3", "managed layer", "function")
 * @param source   where the local copy came from (a path)
 * @param artifact the measured zip or folder
 * @param inventory what is inside, by distribution and category
 */
public record DeploymentArtifact(ArtifactRole role, String ref, String name, String source,
        MeasuredArtifact artifact, Inventory inventory) {

    /** Chalice uploads its managed layer and the function code inside the API request (no S3). */
    public boolean uploadedDirectly() {
        return role != ArtifactRole.LAYER;
    }

    public long unzippedBytes() {
        return artifact.unzippedBytes();
    }

    public ArtifactSize size() {
        return new ArtifactSize(name, role, artifact.unzippedBytes(), artifact.zippedBytes(), uploadedDirectly());
    }
}
