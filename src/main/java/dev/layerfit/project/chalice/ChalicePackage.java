package dev.layerfit.project.chalice;

import dev.layerfit.archive.FolderArtifact;
import dev.layerfit.archive.MeasuredArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The function zip Chalice would build from a project's own files, when no {@code --package} is given:
 * {@code app.py} and {@code chalicelib/} always; {@code vendor/}'s contents at the zip's root when
 * {@code automatic_layer} is off (with it on, they go into the managed layer instead). Facts from Chalice's
 * {@code deploy/packager.py} ({@code LambdaDeploymentPackager}, {@code AppOnlyDeploymentPackager}).
 * Not included: Chalice's own runtime module (a few dozen KiB) and, with {@code automatic_layer} off, the
 * packages of {@code requirements.txt}, which need a resolver; the check says so.
 */
final class ChalicePackage {

    private ChalicePackage() {
    }

    static MeasuredArtifact open(Path projectDir, boolean automaticLayer) throws IOException {
        List<FolderArtifact.Part> parts = new ArrayList<>();
        parts.add(new FolderArtifact.Part(projectDir.resolve("app.py"), "app.py"));
        parts.add(new FolderArtifact.Part(projectDir.resolve("chalicelib"), "chalicelib/"));
        if (!automaticLayer) {
            parts.add(new FolderArtifact.Part(projectDir.resolve("vendor"), ""));
        }
        return FolderArtifact.compose(projectDir.resolve("app.py") + " + chalicelib/", projectDir, parts);
    }

    /** A short description of what the package holds, for tables. */
    static String describe(boolean automaticLayer) {
        return automaticLayer ? "app.py, chalicelib/" : "app.py, chalicelib/, vendor/";
    }
}
