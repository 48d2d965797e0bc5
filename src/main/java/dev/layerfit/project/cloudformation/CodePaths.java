package dev.layerfit.project.cloudformation;

import dev.layerfit.archive.FolderArtifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A code path in a template as {@code aws cloudformation package} uploads it (aws-cli's {@code artifact_exporter}):
 * a folder is zipped, a zip file goes as is, another file is zipped alone (Lambda code and layer content are
 * always zips), an {@code s3://bucket/key?versionId=V} URI is already uploaded.
 */
public final class CodePaths {

    private CodePaths() {
    }

    /**
     * The source for a code path of {@code function}'s {@code property}, relative to the template's folder; a
     * missing path is {@link ArtifactSource.Unavailable} saying so.
     */
    public static ArtifactSource of(Path folder, String path, String owner, String property, SourceLocation at) {
        if (path.startsWith("s3://")) {
            return s3(path).orElse(new ArtifactSource.Unavailable(owner + ": " + property + " " + path + " ("
                    + Template.where(at) + ") is not an s3://BUCKET/KEY URI"));
        }
        Path p = folder.resolve(path).normalize();
        if (Files.isDirectory(p)) {
            return new ArtifactSource.Local(p);
        }
        if (Files.isRegularFile(p)) {
            if (isZip(p)) {
                return new ArtifactSource.Local(p);
            }
            return new ArtifactSource.Built(p.getFileName() + " zipped alone", notes -> Optional.of(
                    FolderArtifact.compose(p.toString(), p.getParent() == null ? Path.of("") : p.getParent(),
                            List.of(new FolderArtifact.Part(p, p.getFileName().toString())))));
        }
        return new ArtifactSource.Unavailable(owner + ": " + property + " " + path + " (" + Template.where(at)
                + ") does not exist; build it first or fix the path");
    }

    /** {@code s3://bucket/key} with an optional {@code ?versionId=}. */
    public static Optional<ArtifactSource> s3(String uri) {
        try {
            URI u = URI.create(uri);
            String bucket = u.getHost();
            String key = u.getRawPath() == null ? "" : u.getRawPath().replaceFirst("^/", "");
            if (bucket == null || key.isEmpty()) {
                return Optional.empty();
            }
            String version = null;
            if (u.getRawQuery() != null) {
                for (String kv : u.getRawQuery().split("&")) {
                    if (kv.startsWith("versionId=")) {
                        version = URLDecoder.decode(kv.substring("versionId=".length()), StandardCharsets.UTF_8);
                    }
                }
            }
            return Optional.of(new ArtifactSource.S3Object(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8), version));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isZip(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K';
        } catch (IOException e) {
            return true; // let the check report the unreadable file
        }
    }
}
