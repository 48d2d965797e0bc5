package dev.layerfit.deployment;

import dev.layerfit.archive.MeasuredArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where an artifact's bytes come from. The check opens each kind the same way, whatever framework named it. */
public sealed interface ArtifactSource {

    /** A zip, a folder (counted as its zip would be) or a {@code .listing} on this machine. */
    record Local(Path path) implements ArtifactSource {
    }

    /**
     * A version already in AWS: a layer version ARN, or a function ARN (its current code). Measured by ranged
     * reads of the zip's tail; with {@code --offline}, from what an earlier check cached.
     */
    record Remote(String arn) implements ArtifactSource {
    }

    /** An object in S3 (CloudFormation {@code S3Bucket}/{@code S3Key}, Terraform {@code s3_*}). */
    record S3Object(String bucket, String key, String version) implements ArtifactSource {
    }

    /**
     * Code written into the template itself (CloudFormation {@code ZipFile}): Lambda zips it as one file.
     *
     * @param fileName the file name Lambda gives it ({@code index.py} for Python)
     * @param text     the code
     */
    record Inline(String fileName, String text) implements ArtifactSource {
    }

    /**
     * An artifact the framework's packager would build (from requirements, a project's own files, …), computed
     * only when the check needs it.
     *
     * @param description what is built from what, for tables ("requirements.txt + vendor/")
     * @param builder     builds (or finds in the cache) the artifact
     */
    record Built(String description, Builder builder) implements ArtifactSource {
    }

    /**
     * An artifact that cannot be measured, with the reason and what would make it measurable ("pass --layer
     * ARN=PATH"); the function it belongs to is reported as not checked.
     */
    record Unavailable(String reason) implements ArtifactSource {
    }

    /** Builds an artifact the way the framework's packager would. */
    @FunctionalInterface
    interface Builder {

        /**
         * The artifact, open for measuring (the caller closes it); empty when the packager would create none
         * (an empty layer is dropped, not deployed). Notes about how it was built go to {@code notes}.
         *
         * @throws dev.layerfit.error.LayerfitException when it cannot be built (bad input, network)
         */
        Optional<MeasuredArtifact> build(List<String> notes) throws IOException;
    }
}
