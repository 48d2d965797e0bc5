package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached metadata is checked against its recorded checksum on every use (#13 item 5): garbage is dropped, not blamed. */
class IndexCacheTest {

    @TempDir
    Path tmp;

    private static final String KEY = "b".repeat(64);
    private static final byte[] METADATA = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void storedMetadataIsReadBack() {
        IndexCache cache = new IndexCache(tmp);
        cache.putMetadata(KEY, METADATA);
        assertThat(cache.metadata(KEY)).hasValue(METADATA);
        assertThat(cache.dropped()).isEmpty();
    }

    @Test
    void garbageInTheMetadataCacheIsDroppedSoItIsFetchedAgain() throws Exception {
        IndexCache cache = new IndexCache(tmp);
        cache.putMetadata(KEY, METADATA);
        Path file;
        try (var walk = Files.walk(tmp)) {
            file = walk.filter(p -> p.getFileName().toString().equals(KEY + ".metadata")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] = '#';
        Files.write(file, bytes);
        assertThat(cache.metadata(KEY, "demo-1.0-py3-none-any.whl")).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(cache.dropped()).singleElement().asString()
                .contains("cached metadata of demo-1.0-py3-none-any.whl was damaged").contains("read again");
        Files.writeString(file, "\u0000\u0001garbage");
        assertThat(cache.metadata(KEY)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void anEntryInTheEarlierFormatIsFetchedAgainWithoutANote() throws Exception {
        IndexCache cache = new IndexCache(tmp);
        Path file = Files.createDirectories(tmp.resolve("metadata")).resolve(KEY + ".metadata");
        Files.writeString(file, "layerfit-sha256:" + "0".repeat(64) + "\n" + new String(METADATA, StandardCharsets.UTF_8));
        assertThat(cache.metadata(KEY)).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(cache.dropped()).isEmpty();
        cache.putMetadata(KEY, METADATA);
        assertThat(Files.readString(file)).startsWith("layerfit-crc32:");
        assertThat(cache.metadata(KEY)).hasValue(METADATA);
    }
}
