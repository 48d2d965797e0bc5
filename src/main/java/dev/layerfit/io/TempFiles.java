package dev.layerfit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files being written, deleted by a shutdown hook when the process is stopped (Ctrl-C, SIGTERM) before
 * they were moved into place, so an interrupted write leaves nothing behind in the cache or next to an output.
 */
public final class TempFiles {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TempFiles() {
    }

    /** Registers a temporary file to delete if the process stops before {@link #release}. */
    public static Path register(Path tmp) {
        if (!hooked) {
            hook();
        }
        LIVE.add(tmp.toAbsolutePath());
        return tmp;
    }

    /** Forgets a temporary file (moved into place or deleted). */
    public static void release(Path tmp) {
        LIVE.remove(tmp.toAbsolutePath());
    }

    private static synchronized void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort at exit
                }
            }), "layerfit-tempfile-cleanup"));
            hooked = true;
        }
    }
}
