package dev.layerfit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a report file all at once: to a temporary file in the same folder, then moved over the target,
 * so a reader never sees half a report and a failed run leaves the old one in place.
 */
public final class ReportFile {

    private ReportFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically where the file system allows. */
    public static void write(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            readableByAll(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays behind; the target is untouched
                }
            }
        }
    }

    /** A new report gets rw-r--r-- (temporary files start private); a replaced one keeps its permissions. */
    private static void readableByAll(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** {@code path} relative to {@code base} when it lies inside it, with '/' separators; otherwise as given. */
    public static String relative(Path base, String path) {
        Path p = Path.of(path);
        Path b = base.toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        String shown = abs.startsWith(b) ? b.relativize(abs).toString() : p.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
