package dev.layerfit.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content all at once: the new text goes to a temporary file in the same folder (same file system,
 * original permissions), which is then moved over the target with {@code ATOMIC_MOVE}. A crash or failure at any
 * point leaves either the old file or the new one, never a mix; on failure the temporary file is removed.
 */
public final class AtomicFileWriter {

    /** The final rename; a seam so tests can make it fail. */
    @FunctionalInterface
    public interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private static final Mover ATOMIC = (from, to) -> {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private final Mover mover;

    public AtomicFileWriter(Mover mover) {
        this.mover = mover;
    }

    /** A writer that renames with {@code ATOMIC_MOVE}. */
    public static AtomicFileWriter atomic() {
        return new AtomicFileWriter(ATOMIC);
    }

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code target} through a temporary file in the same folder and a rename, so readers see the old
     * file or the whole new one; on any failure the temporary file is deleted and the target is untouched.
     * An existing target's permissions are kept; a new file gets rw-r--r--.
     */
    public void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".layerfit-tmp");
        } catch (IOException e) {
            // the temporary file's name is ours, not the user's: say which file could not be written, and why
            throw new FileWriteException("cannot write " + target + ": " + why(dir, e) + "; choose another path", e);
        }
        try {
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            copyPermissions(target, tmp);
            mover.move(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static String why(Path dir, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "no permission to create files in " + dir;
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return Files.isDirectory(dir) ? dir + " does not accept new files" : "the folder " + dir + " cannot be created";
        }
        String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage();
        return "creating a file in " + dir + " failed (" + reason + ")";
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.exists(from) && Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } else if (Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
