package dev.layerfit.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Temporary files and folders being written (a build's work folder, a file before its rename), removed by a
 * shutdown hook when the process is stopped (Ctrl-C, SIGTERM) before they were moved into place or deleted, so an
 * interrupted run leaves nothing behind in the cache or next to an output.
 *
 * <p>Each path remembers the thread that registered it. At shutdown the hook first interrupts those threads and
 * gives them a moment to stop writing and remove their own paths (their {@code finally} blocks), then removes what
 * is left, trying again while a thread still writing makes a folder non-empty. Without that, a folder deleted while
 * its builder still installs files into it is recreated file by file, and left behind.
 */
public final class TempFiles {

    /** The longest the hook waits for the owning threads to clean up after themselves. */
    private static final long OWNER_GRACE_MILLIS = 5_000;
    /** Tries at removing a folder that is still being written to, 20 ms apart. */
    private static final int REMOVE_ATTEMPTS = 100;

    private static final Map<Path, Thread> LIVE = new ConcurrentHashMap<>();
    private static volatile boolean hooked;

    private TempFiles() {
    }

    /** Registers a temporary file or folder to remove if the process stops before {@link #release} or {@link #delete}. */
    public static Path register(Path tmp) {
        if (!hooked) {
            hook();
        }
        LIVE.put(tmp.toAbsolutePath(), Thread.currentThread());
        return tmp;
    }

    /**
     * Creates a new empty temporary file {@code dir/prefix<random>suffix}, registered <em>before</em> it exists, so a
     * stop at any moment (even between creating it and registering it) leaves nothing behind.
     */
    public static Path createFile(Path dir, String prefix, String suffix) throws IOException {
        while (true) {
            Path p = register(dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + suffix));
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                release(p); // someone else's: never ours to remove
            } catch (IOException | RuntimeException e) {
                release(p);
                throw e;
            }
        }
    }

    /** As {@link #createFile}, for a new empty temporary folder {@code dir/prefix<random>}. */
    public static Path createFolder(Path dir, String prefix) throws IOException {
        while (true) {
            Path p = register(dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                release(p);
            } catch (IOException | RuntimeException e) {
                release(p);
                throw e;
            }
        }
    }

    /** Forgets a temporary path (moved into place, or deleted). */
    public static void release(Path tmp) {
        LIVE.remove(tmp.toAbsolutePath());
    }

    /** Removes a temporary file or folder tree now and forgets it; if that fails, the hook tries again at exit. */
    public static void delete(Path tmp) {
        try {
            deleteTree(tmp);
        } catch (IOException e) {
            return;
        }
        release(tmp);
    }

    private static synchronized void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAll, "layerfit-temp-cleanup"));
            hooked = true;
        }
    }

    private static void removeAll() {
        Set<Thread> owners = new HashSet<>(LIVE.values());
        owners.remove(Thread.currentThread());
        owners.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OWNER_GRACE_MILLIS);
        while (!LIVE.isEmpty() && LIVE.values().stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            pause();
        }
        for (Path p : Set.copyOf(LIVE.keySet())) {
            for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
                try {
                    deleteTree(p);
                    pause(); // a worker of a thread that has not stopped yet may recreate it: check that it stays gone
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        LIVE.remove(p);
                        break;
                    }
                } catch (IOException e) {
                    pause(); // a thread still writing into the folder: let it fail, then try again
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a file, or a folder and everything in it (links are deleted, never followed). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
