package dev.layerfit.deployment;

import dev.layerfit.lambda.ArtifactRole;

/**
 * One artifact a function carries: a layer (in the order Lambda stacks them) or its code.
 *
 * @param role         function code, a layer the framework builds itself from the project's requirements, or
 *                     any other layer
 * @param ref          what the deployment calls it: a layer ARN, a template's logical id, a layer name, "function"
 * @param name         a short name for tables ("numpy:3", "NumpyLayer", "function")
 * @param source       where its bytes come from
 * @param directUpload true when the deploy sends this zip inside the API request (held to 50 MiB zipped); false
 *                     when it goes through S3 or already exists
 * @param control      for an artifact the framework builds: what in the project controls it, phrased as a change
 *                     to that input (e.g. how to turn it off); null for artifacts the user builds
 * @param definedAt    where the project defines it, or null
 */
public record Artifact(ArtifactRole role, String ref, String name, ArtifactSource source, boolean directUpload,
        String control, SourceLocation definedAt) {

    public Artifact {
        if (role == null || ref == null || name == null || source == null) {
            throw new IllegalArgumentException("role, ref, name and source are required");
        }
    }

    /** An artifact the user makes (no framework control, no location). */
    public static Artifact of(ArtifactRole role, String ref, String name, ArtifactSource source, boolean directUpload) {
        return new Artifact(role, ref, name, source, directUpload, null, null);
    }

    /** Whether the framework builds it from the project's inputs (advice then names those inputs). */
    public boolean frameworkBuilt() {
        return control != null;
    }

    public Artifact withSource(ArtifactSource newSource) {
        return new Artifact(role, ref, name, newSource, directUpload, control, definedAt);
    }

    /** The same artifact, identified for sharing: a layer used by several functions is measured once. */
    public String identity() {
        if (source instanceof ArtifactSource.Local l) {
            return "local:" + l.path().toAbsolutePath().normalize();
        }
        if (source instanceof ArtifactSource.Remote r) {
            return "remote:" + r.arn();
        }
        if (source instanceof ArtifactSource.S3Object s) {
            return "s3:" + s.bucket() + "/" + s.key() + "?" + s.version();
        }
        return "own:" + System.identityHashCode(source);
    }
}
