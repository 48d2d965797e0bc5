package dev.layerfit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one safe-output writer of layerfit: every file a command writes (reports, locks, zips, configs, cache
 * entries) goes through it.
 *
 * <ul>
 *   <li>A regular target is replaced all at once: the content goes to a temporary file in the target's folder
 *       (same file system, original permissions), which is moved over it with {@code ATOMIC_MOVE}. A crash or
 *       failure at any point leaves either the old file or the new one, never a mix; the temporary file is removed.</li>
 *   <li>A symbolic link is written through: its final target is replaced atomically and the link stays a link.</li>
 *   <li>A character device ({@code /dev/null}, {@code /dev/stdout}) is written in place, never renamed over;
 *       a FIFO, block device, socket or folder is refused.</li>
 *   <li>An output that is one of this run's inputs (see {@link InputFiles}) is refused: {@code build -o
 *       requirements.txt} must not replace the requirements with a zip.</li>
 *   <li>With a root ({@link #inside}), a target that resolves outside it is refused.</li>
 * </ul>
 * Refusals are {@link UnsafeFileException}s (exit 2) and happen before anything is written.
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
    private final Path root;
    private final boolean editsInput;

    public AtomicFileWriter(Mover mover) {
        this(mover, null, false);
    }

    private AtomicFileWriter(Mover mover, Path root, boolean editsInput) {
        this.mover = mover;
        this.root = root;
        this.editsInput = editsInput;
    }

    /**
     * This writer for an edit of an input in place (a config whose layer ARN {@code publish --update-config}
     * replaces): the only kind of write allowed over an input.
     */
    public AtomicFileWriter editingInput() {
        return new AtomicFileWriter(mover, root, true);
    }

    /** A writer that renames with {@code ATOMIC_MOVE}. */
    public static AtomicFileWriter atomic() {
        return new AtomicFileWriter(ATOMIC);
    }

    /** This writer, refusing any target that does not resolve inside {@code root} (a cache, an output folder). */
    public AtomicFileWriter inside(Path root) {
        return new AtomicFileWriter(mover, root, editsInput);
    }

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code bytes} to {@code target}, atomically. */
    public void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} (see the class comment for links, devices and inputs) through a temporary file in the
     * same folder and a rename, so readers see the old file or the whole new one; on any failure the temporary file
     * is deleted and the target is untouched. An existing target's permissions are kept; a new file gets rw-r--r--.
     *
     * @return the file actually written (a link's target)
     */
    public Path write(Path target, Content content) throws IOException {
        Path real = OutputTarget.resolve(target, root, editsInput);
        if (FileKind.of(real) == FileKind.CHARACTER_DEVICE) {
            try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            return real;
        }
        Path dir = real.getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = TempFiles.createFile(dir, "." + real.getFileName() + ".", ".layerfit-tmp");
        } catch (IOException e) {
            // the temporary file's name is ours, not the user's: say which file could not be written, and why
            throw new FileWriteException("cannot write " + target + ": " + why(dir, e) + "; choose another path", e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            copyPermissions(real, tmp);
            mover.move(tmp, real);
            return real;
        } finally {
            Files.deleteIfExists(tmp);
            TempFiles.release(tmp);
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

    /**
     * Appends {@code text} to {@code target} (a summary file such as {@code $GITHUB_STEP_SUMMARY}), under the same
     * refusals as {@link #write}: never to a FIFO, device or input.
     */
    public void append(Path target, String text) throws IOException {
        Path real = OutputTarget.resolve(target, root, editsInput);
        Files.createDirectories(real.getParent());
        Files.writeString(real, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    /**
     * Checks, before any work that must not be wasted (publishing a layer version), that {@code target} could be
     * written: not refused, and its folder writable, and the file itself writable when it exists.
     */
    public Path checkWritable(Path target) {
        Path real = OutputTarget.resolve(target, root, editsInput);
        Path dir = real.getParent();
        if ((Files.exists(real) && !Files.isWritable(real)) || (Files.isDirectory(dir) && !Files.isWritable(dir))) {
            throw new UnsafeFileException(target + " cannot be written (permission denied); make it writable, then run again");
        }
        return real;
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileAttributeView(to, PosixFileAttributeView.class) == null) {
            return;
        }
        if (Files.exists(from)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } else {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
