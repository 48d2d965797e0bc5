package dev.layerfit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CacheRootTest {

    @Test
    void theTestSuiteNeverUsesTheUsersCache() {
        // surefire points layerfit.cache.dir into target/ (pom.xml); a user's ~/.cache/layerfit stays untouched
        assertThat(CacheRoot.get()).isEqualTo(Path.of(System.getProperty("layerfit.cache.dir")));
        assertThat(CacheRoot.get().toString()).endsWith("target/test-cache");
        assertThat(CacheRoot.resolve("listings")).isEqualTo(CacheRoot.get().resolve("listings"));
    }

    @Test
    void withoutThePropertyItIsTheEnvironmentOrHome() {
        String saved = System.getProperty("layerfit.cache.dir");
        System.clearProperty("layerfit.cache.dir");
        try {
            String env = System.getenv("LAYERFIT_CACHE_DIR");
            assertThat(CacheRoot.get()).isEqualTo(env == null || env.isBlank()
                    ? Path.of(System.getProperty("user.home"), ".cache", "layerfit") : Path.of(env));
        } finally {
            System.setProperty("layerfit.cache.dir", saved);
        }
    }
}
