package dev.layerfit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a write to a path really lands, and whether layerfit may write there (see {@link AtomicFileWriter}). */
final class OutputTarget {

    /** Links followed at most (the kernel's own limit, MAXSYMLINKS, is 40). */
    private static final int MAX_LINKS = 40;

    private OutputTarget() {
    }

    /**
     * The absolute file a write of {@code target} replaces: a link's final target (even when that does not exist
     * yet), else the path itself.
     *
     * @throws UnsafeFileException when the target is refused
     */
    static Path resolve(Path target, Path root, boolean editsInput) {
        Path p = target.toAbsolutePath().normalize();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new UnsafeFileException(target + " is a chain of more than " + MAX_LINKS + " symbolic links; give a real file");
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
            } catch (IOException e) {
                throw new UnsafeFileException("cannot read the symbolic link " + target + "; give a real file");
            }
        }
        Path real = realFolder(p);
        FileKind kind = FileKind.of(real);
        switch (kind) {
            case MISSING, REGULAR, CHARACTER_DEVICE -> {
            }
            default -> throw new UnsafeFileException("cannot write " + target + ": it is " + kind.words()
                    + "; give a regular file as output");
        }
        if (!editsInput && kind != FileKind.CHARACTER_DEVICE && InputFiles.isInput(real)) {
            throw new UnsafeFileException("refusing to write " + target + ": it is one of this command's inputs; "
                    + "choose another output file");
        }
        if (root != null) {
            Path realRoot = realFolder(root.toAbsolutePath().normalize());
            if (!real.startsWith(realRoot)) {
                throw new UnsafeFileException("refusing to write " + target + ": it resolves outside " + root);
            }
        }
        return real;
    }

    /** {@code p} with its existing folders resolved to real paths (the file itself may not exist yet). */
    private static Path realFolder(Path p) {
        Path existing = p;
        Path rest = p.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }
}
