package dev.layerfit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests a layerfit cache of their own: points the {@code layerfit.cache.dir} system property (which
 * {@code CacheRoot} reads first) at a fresh folder, and restores the suite's value and deletes the folder after.
 * Registered on an instance field ({@code @RegisterExtension OwnCacheExtension cache = new OwnCacheExtension();}) each
 * test gets a new cache; on a static field the whole class shares one, set before its {@code @BeforeAll} methods run.
 */
public final class OwnCacheExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final String PROPERTY = "layerfit.cache.dir";

    private boolean perClass;
    private Path root;
    private Path dir;
    private String saved;

    /** The cache folder in use. */
    public Path dir() {
        return dir;
    }

    /** Switches to another empty cache, {@code name} beside the first; returns it. */
    public Path switchTo(String name) {
        dir = root.resolve(name);
        System.setProperty(PROPERTY, dir.toString());
        return dir;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() throws IOException {
        saved = System.getProperty(PROPERTY);
        root = Files.createTempDirectory("layerfit-test-cache-");
        switchTo("cache");
    }

    private void stop() {
        if (saved == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, saved);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test cache " + root, e);
        }
    }
}
