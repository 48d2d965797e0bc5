package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.inventory.Inventory;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.ArtifactSize;

/**
 * One artifact of a function, measured and inventoried.
 *
 * @param spec      what the deployment says of it (role, name, how it is uploaded, what controls it)
 * @param source    where the bytes were read ("layers/numpy.zip", "AWS (arn:…)", "built: requirements.txt")
 * @param artifact  the measured zip or folder (closed; its figures stay readable)
 * @param inventory what is inside, by distribution and category
 * @param shared    true when other functions of the deployment carry the same artifact (measured once)
 * @param imports   which of its modules import its test and docs folders, read from its sources as the slimmer reads
 *                  them ({@link dev.layerfit.layer.Slimmer#imports}): what {@code --slim safe} keeps; null when its sources were not read (a layer measured from AWS by ranged reads)
 */
public record DeploymentArtifact(Artifact spec, String source, MeasuredArtifact artifact, Inventory inventory,
        boolean shared, dev.layerfit.layer.ModuleImports imports) {

    public ArtifactRole role() {
        return spec.role();
    }

    public String ref() {
        return spec.ref();
    }

    public String name() {
        return spec.name();
    }

    public boolean uploadedDirectly() {
        return spec.directUpload();
    }

    public long unzippedBytes() {
        return artifact.unzippedBytes();
    }

    public ArtifactSize size() {
        return new ArtifactSize(name(), role(), artifact.unzippedBytes(), artifact.zippedBytes(), uploadedDirectly());
    }
}
