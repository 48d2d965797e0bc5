package dev.layerfit.archive;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Opens a path given by the user as an artifact: a folder is counted as its zip would be, a file is read as a zip. */
public final class Artifacts {

    private Artifacts() {
    }

    /**
     * A {@link FolderArtifact} for a folder, a {@link ZipIndex} for a regular file (links to either are followed).
     *
     * @throws ArtifactPathException when the path is missing, unreadable, or a special file
     * @throws NotAZipException      when a file is not a zip
     * @throws CorruptZipException   when a zip is damaged
     */
    public static MeasuredArtifact open(Path path) throws IOException {
        try {
            if (Files.isDirectory(path)) {
                return FolderArtifact.open(path);
            }
            if (Files.isRegularFile(path)) {
                return ZipIndex.open(path);
            }
        } catch (AccessDeniedException e) {
            throw new ArtifactPathException("cannot read " + e.getFile() + " (permission denied); check its permissions", e);
        }
        if (Files.isSymbolicLink(path)) {
            throw new ArtifactPathException(path + " is a symbolic link to a missing file (" + Files.readSymbolicLink(path)
                    + "); give the path of a zip file or a folder");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactPathException(path + " is neither a regular file nor a folder (a device, pipe or socket); "
                    + "give the path of a zip file or a folder");
        }
        throw new ArtifactPathException("no such file or folder: " + path + "; check the path");
    }
}
