package dev.layerfit.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.listing.BadListingException;
import dev.layerfit.listing.Listing;
import dev.layerfit.listing.ListingMaterializer;
import dev.layerfit.listing.ListingWriter;
import dev.layerfit.listing.ListingEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingRecorderTest {

    @TempDir
    Path tmp;

    private Path layer() throws IOException {
        Path root = tmp.resolve("layer");
        Path pkg = Files.createDirectories(root.resolve("python/pkg"));
        Files.createDirectories(root.resolve("python/pkg/empty dir"));
        Files.writeString(pkg.resolve("__init__.py"), "import os\n".repeat(500));
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Files.write(pkg.resolve("_native.so"), noise);
        Files.write(pkg.resolve("empty.txt"), new byte[0]);
        Files.writeString(root.resolve("python/a file with spaces.txt"), "hello", StandardCharsets.UTF_8);
        Files.createSymbolicLink(pkg.resolve("link.so"), Path.of("_native.so"));
        return root;
    }

    @Test
    void recordsEveryEntryInWalkOrderWithSizes() throws IOException {
        Listing listing = new ListingRecorder(true).record(layer(), List.of("recorded-from: a test"));
        assertThat(listing.comments()).containsExactly("recorded-from: a test");
        assertThat(listing.entries()).extracting(ListingEntry::path).containsExactly(
                "python/", "python/a file with spaces.txt", "python/pkg/", "python/pkg/__init__.py",
                "python/pkg/_native.so", "python/pkg/empty dir/", "python/pkg/empty.txt", "python/pkg/link.so");
        Map<String, ListingEntry> byPath = byPath(listing);
        assertThat(byPath.get("python/pkg/__init__.py").size()).isEqualTo(5000);
        assertThat(byPath.get("python/pkg/_native.so").size()).isEqualTo(200_000);
        assertThat(byPath.get("python/pkg/empty.txt").size()).isZero();
        assertThat(byPath.get("python/pkg/link.so")).isEqualTo(
                new ListingEntry(ListingEntry.Kind.SYMLINK, 10, byPath.get("python/pkg/link.so").compressedSize(),
                        "python/pkg/link.so", "_native.so"));
        assertThat(listing.unzippedBytes()).isEqualTo(5000 + 200_000 + 0 + 5 + 10);
    }

    @Test
    void compressedSizesAreWhatAZipAtLevelSixStores() throws IOException {
        Path root = layer();
        Listing listing = new ListingRecorder(false).record(root, List.of());
        assertThat(listing.entries()).noneMatch(e -> e.kind() == ListingEntry.Kind.DIRECTORY);

        // An independent measurement: zip the regular files at level 6 and read the central directory back.
        Path zip = tmp.resolve("real.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.DEFAULT_COMPRESSION); // zlib's default is level 6
            for (ListingEntry e : listing.entries()) {
                if (e.kind() == ListingEntry.Kind.FILE) {
                    out.putNextEntry(new ZipEntry(e.path()));
                    out.write(Files.readAllBytes(root.resolve(e.path())));
                    out.closeEntry();
                }
            }
        }
        Map<String, ListingEntry> byPath = byPath(listing);
        int files = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); files++) {
                ZipEntry ze = en.nextElement();
                assertThat(byPath.get(ze.getName()).compressedSize()).as(ze.getName()).isEqualTo(ze.getCompressedSize());
                assertThat(byPath.get(ze.getName()).size()).as(ze.getName()).isEqualTo(ze.getSize());
            }
        }
        assertThat(files).isEqualTo(4);
        assertThat(byPath.get("python/pkg/__init__.py").compressedSize()).isLessThan(200);
        assertThat(byPath.get("python/pkg/_native.so").compressedSize()).isGreaterThan(200_000);
    }

    @Test
    void recordsThenMaterializesTheSameNamesAndSizes() throws IOException {
        Path root = layer();
        Files.delete(root.resolve("python/pkg/link.so")); // the materializer writes files and folders only
        Listing listing = new ListingRecorder(true).record(root, List.of());
        Path file = tmp.resolve("layer.listing");
        ListingWriter.write(listing, file);
        Path zip = ListingMaterializer.materialize(file, tmp.resolve("cache"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName).toList())
                    .isEqualTo(listing.entries().stream().map(ListingEntry::path).toList());
            assertThat(z.stream().mapToLong(ZipEntry::getSize).sum()).isEqualTo(listing.unzippedBytes());
        }
    }

    @Test
    void keepsTheRealBytesOfMetadataFilesOnly() throws IOException {
        Path root = tmp.resolve("meta");
        Path info = Files.createDirectories(root.resolve("python/pkg-1.0.dist-info"));
        Files.createDirectories(info.resolve("licenses"));
        byte[] record = "pkg/__init__.py,sha256=AAA,3\npkg-1.0.dist-info/RECORD,,\n".getBytes(StandardCharsets.UTF_8);
        byte[] metadata = {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, (byte) 0xFF, 0, '\n'}; // not UTF-8
        Files.write(info.resolve("RECORD"), record);
        Files.write(info.resolve("METADATA"), metadata);
        Files.writeString(info.resolve("licenses/LICENSE"), "MIT\n");
        Files.writeString(info.resolve("entry_points.txt"), "[console_scripts]\n");
        Files.writeString(Files.createDirectories(root.resolve("python/pkg")).resolve("__init__.py"), "x=1");
        Path nodePkg = Files.createDirectories(root.resolve("nodejs/node_modules/left-pad"));
        Files.writeString(nodePkg.resolve("package.json"), "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}");

        Listing listing = new ListingRecorder(false).record(root, List.of());
        Map<String, ListingEntry> byPath = byPath(listing);
        assertThat(byPath.get("python/pkg-1.0.dist-info/RECORD").content().bytes()).isEqualTo(record);
        assertThat(byPath.get("python/pkg-1.0.dist-info/METADATA").content().bytes()).isEqualTo(metadata);
        assertThat(byPath.get("nodejs/node_modules/left-pad/package.json").content().bytes())
                .isEqualTo(Files.readAllBytes(nodePkg.resolve("package.json")));
        assertThat(listing.keptContentCount()).isEqualTo(3);
        assertThat(byPath.get("python/pkg-1.0.dist-info/RECORD").compressedSize())
                .as("measured like any other file").isEqualTo(deflatedSize(record));
    }

    private static long deflatedSize(byte[] data) {
        Deflater d = new Deflater(6, true);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length + 64];
        int n = d.deflate(out);
        d.end();
        return n;
    }

    @Test
    void aMissingFolderIsBadInput() {
        assertThatThrownBy(() -> new ListingRecorder(true).record(tmp.resolve("nope"), List.of()))
                .isInstanceOf(BadListingException.class).hasMessageContaining("not a folder");
    }

    private static Map<String, ListingEntry> byPath(Listing listing) {
        Map<String, ListingEntry> m = new HashMap<>();
        listing.entries().forEach(e -> m.put(e.path(), e));
        return m;
    }
}
