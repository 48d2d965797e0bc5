package dev.layerfit.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary folders and files of running builds, removed by a shutdown hook when the process is stopped
 * (Ctrl-C, SIGTERM) mid-build, so an interrupted build leaves nothing behind. Paths are unregistered once
 * they are moved into place or deleted normally.
 */
public final class TempPaths {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TempPaths() {
    }

    /** Registers a path to remove if the process stops before {@link #release} or {@link #delete}. */
    public static Path register(Path path) {
        hook();
        LIVE.add(path.toAbsolutePath());
        return path;
    }

    /** Forgets a path (it was moved into place). */
    public static void release(Path path) {
        LIVE.remove(path.toAbsolutePath());
    }

    /** Removes a path (file or folder tree) now and forgets it. */
    public static void delete(Path path) {
        try {
            deleteTree(path);
        } catch (IOException e) {
            // best effort: the hook tries again at exit
            return;
        }
        release(path);
    }

    private static synchronized void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(TempPaths::removeAll, "layerfit-temp-cleanup"));
            hooked = true;
        }
    }

    private static void removeAll() {
        for (Path p : LIVE) {
            // worker threads may still create files while we walk: try a few times
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    deleteTree(p);
                    break;
                } catch (IOException e) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
