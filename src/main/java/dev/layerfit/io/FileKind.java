package dev.layerfit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path is on disk, following symbolic links: the distinctions the safe reader and writer act on. */
public enum FileKind {
    MISSING("missing"),
    REGULAR("a regular file"),
    DIRECTORY("a folder"),
    FIFO("a named pipe (FIFO)"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    OTHER("not a regular file");

    // st_mode file-type bits (POSIX <sys/stat.h>)
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private final String words;

    FileKind(String words) {
        this.words = words;
    }

    /** How a message names this kind ("a named pipe (FIFO)"). */
    public String words() {
        return words;
    }

    /** The kind of {@code path}, following links; a dangling link is {@link #MISSING}. */
    public static FileKind of(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return MISSING;
        }
        if (a.isRegularFile()) {
            return REGULAR;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & S_IFMT) {
                    case S_IFIFO -> FIFO;
                    case S_IFCHR -> CHARACTER_DEVICE;
                    case S_IFBLK -> BLOCK_DEVICE;
                    case S_IFSOCK -> SOCKET;
                    default -> OTHER;
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a unix file system: "other" is all we know
        }
        return OTHER;
    }

    /** Whether {@code path} itself (not its target) is a symbolic link. */
    public static boolean isLink(Path path) {
        return Files.isSymbolicLink(path) && Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
