package dev.layerfit.cache;

import java.nio.file.Path;

/**
 * The folder every layerfit cache lives under: {@code $LAYERFIT_CACHE_DIR}, else {@code ~/.cache/layerfit}.
 * The system property {@code layerfit.cache.dir} wins over both (the test suite points it into
 * {@code target/} so tests never touch a user's cache).
 */
public final class CacheRoot {

    private CacheRoot() {
    }

    public static Path get() {
        String prop = System.getProperty("layerfit.cache.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("LAYERFIT_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "layerfit");
    }

    /** A named sub-folder: {@code listings}, {@code metadata}, {@code wheels}, ... (not created here). */
    public static Path resolve(String name) {
        return get().resolve(name);
    }
}
