package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.archive.DeterministicZipWriter;
import dev.layerfit.archive.WrittenZip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged build cache is never trusted (#13 item 5): a flipped byte or a garbage report drops the entry, with a note. */
class BuildCacheTest {

    @TempDir
    Path tmp;

    private String stored(BuildCache cache) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("layer/python"));
        Files.writeString(folder.resolve("mod.py"), "x = 1\n".repeat(1000));
        WrittenZip zip = DeterministicZipWriter.create().write(tmp.resolve("layer"), tmp.resolve("built.zip"));
        String key = "a".repeat(64);
        cache.store(key, zip.path(), new BuildResult(zip.path(), zip.sha256(), zip.unzippedBytes(), zip.zippedBytes(),
                zip.entries(), List.of(), List.of("demo==1.0"), List.of(), false, key, null, Map.of()));
        return key;
    }

    @Test
    void anIntactEntryIsUsed() throws Exception {
        BuildCache cache = new BuildCache(tmp.resolve("builds"));
        String key = stored(cache);
        List<String> notes = new ArrayList<>();
        assertThat(cache.lookup(key, notes)).isPresent();
        assertThat(notes).isEmpty();
    }

    @Test
    void aFlippedByteDropsTheEntryWithANote() throws Exception {
        BuildCache cache = new BuildCache(tmp.resolve("builds"));
        String key = stored(cache);
        Path zip = cache.zip(key);
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 0x01; // same length: only the hash can tell
        Files.write(zip, bytes);
        List<String> notes = new ArrayList<>();
        assertThat(cache.lookup(key, notes)).isEmpty();
        assertThat(notes).singleElement().asString().contains("did not match its recorded sha256");
        assertThat(zip).doesNotExist();
        assertThat(cache.dir().resolve(key + ".json")).doesNotExist();
    }

    @Test
    void aGarbageReportDropsTheEntry() throws Exception {
        BuildCache cache = new BuildCache(tmp.resolve("builds"));
        String key = stored(cache);
        Files.writeString(cache.dir().resolve(key + ".json"), "{ not json");
        assertThat(cache.lookup(key, new ArrayList<>())).isEmpty();
        assertThat(cache.zip(key)).doesNotExist();
    }
}
