package dev.layerfit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.ArchiveEntry.Kind;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipIndexTest {

    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private ZipIndex index(String name, byte[] bytes) throws IOException {
        return ZipIndex.open(write(name, bytes));
    }

    @Test
    void filesDirectoriesAndSymlinksAreCountedAsLambdaCountsThem() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.directory("python/");
        zip.file("python/a.py", "print('hello')\n");
        zip.symlink("python/link.so", "../lib/libfoo.so.1.2.3");
        zip.deflated("python/big.txt", "abc".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
        try (ZipIndex index = index("layer.zip", zip.build())) {
            assertThat(index.entries()).extracting(ArchiveEntry::name)
                    .containsExactly("python/", "python/a.py", "python/link.so", "python/big.txt");
            assertThat(index.entries()).extracting(ArchiveEntry::kind)
                    .containsExactly(Kind.DIRECTORY, Kind.FILE, Kind.SYMLINK, Kind.FILE);
            assertThat(index.entries()).extracting(ArchiveEntry::unixMode)
                    .containsExactly(040755, 0100644, 0120777, 0100644);
            ArchiveEntry link = index.entries().get(2);
            assertThat(link.countedBytes()).isEqualTo("../lib/libfoo.so.1.2.3".length());
            ArchiveEntry big = index.entries().get(3);
            assertThat(big.uncompressedSize()).isEqualTo(30_000);
            assertThat(big.compressedSize()).isLessThan(1_000);
            assertThat(index.unzippedBytes()).isEqualTo(15 + 22 + 30_000);
            assertThat(index.entryCount()).isEqualTo(4);
            assertThat(index.zippedBytes()).isEqualTo(Files.size(tmp.resolve("layer.zip")));
            assertThat(index.duplicateNames()).isEmpty();
            assertThat(index.isZip64()).isFalse();

            assertThat(new String(index.read("python/a.py"), StandardCharsets.UTF_8)).isEqualTo("print('hello')\n");
            assertThat(new String(index.read("python/big.txt"), StandardCharsets.US_ASCII)).isEqualTo("abc".repeat(10_000));
            assertThat(new String(index.read("python/link.so"), StandardCharsets.UTF_8)).isEqualTo("../lib/libfoo.so.1.2.3");
            assertThat(index.read("python/")).isEmpty();
            assertThatThrownBy(() -> index.read("python/missing.py")).isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("layer.zip").hasMessageContaining("python/missing.py");
        }
    }

    @Test
    void msDosDirectoryAttributeMarksADirectoryWithoutSlashAndNonUnixHostsHaveNoMode() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        ZipBytesBuilder.Entry dir = zip.file("folder", new byte[0], 0);
        dir.host = ZipBytesBuilder.HOST_MSDOS;
        dir.externalAttributes = 0x10;
        ZipBytesBuilder.Entry file = zip.file("data.bin", new byte[] {1, 2, 3}, 0120777);
        file.host = ZipBytesBuilder.HOST_MSDOS; // the high bits mean nothing for an MS-DOS host: not a symlink
        try (ZipIndex index = index("dos.zip", zip.build())) {
            assertThat(index.entries()).extracting(ArchiveEntry::kind).containsExactly(Kind.DIRECTORY, Kind.FILE);
            assertThat(index.entries()).extracting(ArchiveEntry::unixMode).containsExactly(0, 0);
            assertThat(index.unzippedBytes()).isEqualTo(3);
        }
    }

    @Test
    void duplicateNamesAreEachKeptAndCountedAndReadGivesTheFirst() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("python/x.py", "first");
        zip.file("python/y.py", "y");
        zip.file("python/x.py", "second!");
        zip.file("python/y.py", "yy");
        zip.file("python/x.py", "third");
        try (ZipIndex index = index("dups.zip", zip.build())) {
            assertThat(index.entryCount()).isEqualTo(5);
            assertThat(index.unzippedBytes()).isEqualTo(5 + 1 + 7 + 2 + 5);
            assertThat(index.duplicateNames()).containsExactly("python/x.py", "python/y.py");
            assertThat(index.read("python/x.py")).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void zipCommentsUpToTheLongestAreSkipped() throws IOException {
        byte[] longest = new byte[0xFFFF];
        Arrays.fill(longest, (byte) 'c');
        for (byte[] comment : new byte[][] {"built by hand".getBytes(StandardCharsets.US_ASCII), longest}) {
            ZipBytesBuilder zip = new ZipBytesBuilder().comment(comment);
            zip.file("a.txt", "12345");
            zip.file("b.txt", "678");
            try (ZipIndex index = index("commented.zip", zip.build())) {
                assertThat(index.entryCount()).isEqualTo(2);
                assertThat(index.unzippedBytes()).isEqualTo(8);
                assertThat(index.read("b.txt")).isEqualTo("678".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void emptyZipOfOnlyTheEndRecordIsValid() throws IOException {
        byte[] bytes = new ZipBytesBuilder().build();
        assertThat(bytes).hasSize(22);
        try (ZipIndex index = index("empty.zip", bytes)) {
            assertThat(index.entryCount()).isZero();
            assertThat(index.unzippedBytes()).isZero();
            assertThat(index.zippedBytes()).isEqualTo(22);
            assertThat(index.duplicateNames()).isEmpty();
        }
    }

    @Test
    void zip64ExtraFieldsAndEndRecordSupplyTheSizes() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder().zip64End();
        ZipBytesBuilder.Entry a = zip.file("python/a.txt", "zip64 sizes here");
        a.zip64Sizes = true;
        ZipBytesBuilder.Entry b = zip.deflated("python/b.txt", "b".repeat(5000).getBytes(StandardCharsets.US_ASCII));
        b.zip64Sizes = true;
        zip.file("python/c.txt", "plain");
        try (ZipIndex index = index("z64.zip", zip.build())) {
            assertThat(index.isZip64()).isTrue();
            assertThat(index.entries()).extracting(ArchiveEntry::uncompressedSize).containsExactly(16L, 5000L, 5L);
            assertThat(index.unzippedBytes()).isEqualTo(5021);
            assertThat(index.read("python/a.txt")).isEqualTo("zip64 sizes here".getBytes(StandardCharsets.US_ASCII));
            assertThat(index.read("python/b.txt")).hasSize(5000);
            assertThat(index.read("python/c.txt")).isEqualTo("plain".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void sizesAboveFourGibibytesAreSummedExactly() throws IOException {
        // A 5 GiB entry cannot be written in a test, but its central-directory record can: only its claim is counted.
        ZipBytesBuilder zip = new ZipBytesBuilder().zip64End();
        ZipBytesBuilder.Entry huge = zip.deflated("huge.bin", new byte[1 << 20]);
        huge.zip64Sizes = true;
        huge.claimedUncompressed = 5L << 30;
        zip.file("small.txt", "x");
        try (ZipIndex index = index("huge.zip", zip.build())) {
            assertThat(index.unzippedBytes()).isEqualTo((5L << 30) + 1);
        }
    }

    @Test
    void namesAreUtf8WithTheFlagOtherwiseCp437OrTheInfoZipUnicodePath() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("python/données/naïve.py", "1");
        zip.rawName(new byte[] {'c', 'a', 'f', (byte) 0x82, '.', 't', 'x', 't'}, "2"); // 0x82 is é in CP437
        ZipBytesBuilder.Entry withUnicodePath = zip.rawName(new byte[] {'?', '.', 't', 'x', 't'}, "3");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(withUnicodePath.name);
        byte[] utf8 = "日本.txt".getBytes(StandardCharsets.UTF_8);
        ZipBytesBuilder.Out extra = new ZipBytesBuilder.Out();
        extra.u16(0x7075).u16(5 + utf8.length).bytes(new byte[] {1}).u32(crc.getValue()).bytes(utf8);
        withUnicodePath.extra = extra.toByteArray();
        // '?' is ASCII, so the extra field is only consulted for non-ASCII names: use one with a high byte.
        withUnicodePath.name = new byte[] {(byte) 0x93, '.', 't', 'x', 't'};
        crc.reset();
        crc.update(withUnicodePath.name);
        extra.reset();
        extra.u16(0x7075).u16(5 + utf8.length).bytes(new byte[] {1}).u32(crc.getValue()).bytes(utf8);
        withUnicodePath.extra = extra.toByteArray();
        try (ZipIndex index = index("names.zip", zip.build())) {
            assertThat(index.entries()).extracting(ArchiveEntry::name)
                    .containsExactly("python/données/naïve.py", "café.txt", "日本.txt");
            assertThat(index.read("café.txt")).isEqualTo("2".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void dataDescriptorZipsFromJavaUtilZipTakeSizesFromTheCentralDirectory() throws IOException {
        Path p = tmp.resolve("descriptors.zip");
        Random random = new Random(42);
        byte[] noise = new byte[70_000];
        random.nextBytes(noise);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            out.putNextEntry(new ZipEntry("python/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("python/text.txt"));
            out.write("hello world\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("python/noise.bin"));
            out.write(noise);
            out.closeEntry();
        }
        try (ZipIndex index = ZipIndex.open(p)) {
            assertThat(index.entries()).extracting(ArchiveEntry::uncompressedSize).containsExactly(0L, 12_000L, 70_000L);
            assertThat(index.entries()).extracting(ArchiveEntry::kind).containsExactly(Kind.DIRECTORY, Kind.FILE, Kind.FILE);
            assertThat(index.unzippedBytes()).isEqualTo(82_000);
            assertThat(index.read("python/noise.bin")).isEqualTo(noise);
            assertThat(index.read("python/text.txt")).hasSize(12_000);
        }
    }

    @Test
    void moreThan65535EntriesUseTheZip64EndRecordFromJavaUtilZip() throws IOException {
        Path p = tmp.resolve("many.zip");
        int count = 70_000;
        long expected = 0;
        try (ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16))) {
            out.setLevel(1);
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("python/pkg/f" + i + ".py"));
                byte[] body = ("#" + i).getBytes(StandardCharsets.US_ASCII);
                out.write(body);
                expected += body.length;
                out.closeEntry();
            }
        }
        try (ZipIndex index = ZipIndex.open(p)) {
            assertThat(index.isZip64()).isTrue();
            assertThat(index.entryCount()).isEqualTo(count);
            assertThat(index.unzippedBytes()).isEqualTo(expected);
            assertThat(index.entries().get(count - 1).name()).isEqualTo("python/pkg/f69999.py");
            assertThat(index.read("python/pkg/f69999.py")).isEqualTo("#69999".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void prefixBytesBeforeTheZipShiftEveryOffsetLikeASelfExtractor() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder().prefix("#!/bin/sh\nexec unzip \"$0\"\n".getBytes(StandardCharsets.US_ASCII));
        zip.file("a.txt", "after the stub");
        try (ZipIndex index = index("sfx.zip", zip.build())) {
            assertThat(index.read("a.txt")).isEqualTo("after the stub".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void indexingAsksOnlyForTheTailAndReadingOnlyForThatEntry() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        byte[] filler = new byte[300_000];
        new Random(7).nextBytes(filler);
        zip.file("filler.bin", filler, 0100644);
        zip.file("python/pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,0\n");
        zip.file("other.bin", filler, 0100644);
        byte[] bytes = zip.build();
        RecordingByteSource source = new RecordingByteSource(bytes);
        try (ZipIndex index = ZipIndex.of(source, "remote-layer")) {
            // the central directory lies inside the 8 KiB tail read to find the end record: not read again
            assertThat(zip.centralDirectoryOffset()).isGreaterThan(bytes.length - EndOfCentralDirectory.FIRST_WINDOW);
            assertThat(source.reads).containsExactly(new RecordingByteSource.Range(bytes.length - EndOfCentralDirectory.FIRST_WINDOW,
                    EndOfCentralDirectory.FIRST_WINDOW));

            source.reads.clear();
            index.read("python/pkg-1.0.dist-info/RECORD");
            long entryStart = 30 + "filler.bin".length() + filler.length;
            long entryEnd = entryStart + 30 + "python/pkg-1.0.dist-info/RECORD".length() + 19;
            assertThat(source.reads).allSatisfy(r -> {
                assertThat(r.offset()).isGreaterThanOrEqualTo(entryStart);
                assertThat(r.offset() + r.length()).isLessThanOrEqualTo(entryEnd);
            });
        }
        assertThat(source.closed).isTrue();
    }

    @Test
    void aSmallZipIsIndexedFromOneReadOfItsLast8KiB() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        byte[] filler = new byte[20_000];
        new Random(11).nextBytes(filler);
        zip.file("pkg/big.bin", filler, 0100644);
        zip.file("pkg-1.0.dist-info/METADATA", "Name: pkg\nVersion: 1.0\n");
        byte[] bytes = zip.build();
        RecordingByteSource source = new RecordingByteSource(bytes);
        try (ZipIndex index = ZipIndex.of(source, "small.whl")) {
            assertThat(index.entryCount()).isEqualTo(2);
            assertThat(source.reads).containsExactly(
                    new RecordingByteSource.Range(bytes.length - EndOfCentralDirectory.FIRST_WINDOW, EndOfCentralDirectory.FIRST_WINDOW));
        }
        byte[] tiny = new ZipBytesBuilder().build();
        RecordingByteSource tinySource = new RecordingByteSource(tiny);
        try (ZipIndex index = ZipIndex.of(tinySource, "tiny.zip")) {
            assertThat(tinySource.reads).containsExactly(new RecordingByteSource.Range(0, tiny.length));
        }
    }

    @Test
    void aCentralDirectoryBeforeTheTailIsReadWithOneMoreRead() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        for (int i = 0; i < 400; i++) {
            zip.file("pkg/module_with_a_long_name_" + i + ".py", "x = " + i + "\n");
        }
        byte[] bytes = zip.build();
        RecordingByteSource source = new RecordingByteSource(bytes);
        try (ZipIndex index = ZipIndex.of(source, "many.whl")) {
            assertThat(index.entryCount()).isEqualTo(400);
        }
        assertThat(zip.centralDirectoryOffset()).isLessThan(bytes.length - EndOfCentralDirectory.FIRST_WINDOW);
        assertThat(source.reads).containsExactly(
                new RecordingByteSource.Range(bytes.length - EndOfCentralDirectory.FIRST_WINDOW, EndOfCentralDirectory.FIRST_WINDOW),
                new RecordingByteSource.Range(zip.centralDirectoryOffset(), (int) zip.centralDirectorySize()));
    }

    @Test
    void aLongCommentWidensTheTailReadingOnlyTheMissingFront() throws IOException {
        byte[] comment = new byte[20_000];
        Arrays.fill(comment, (byte) 'c');
        ZipBytesBuilder zip = new ZipBytesBuilder().comment(comment);
        byte[] filler = new byte[100_000];
        new Random(5).nextBytes(filler);
        zip.file("filler.bin", filler, 0100644);
        zip.file("a.txt", "12345");
        byte[] bytes = zip.build();
        RecordingByteSource source = new RecordingByteSource(bytes);
        int first = EndOfCentralDirectory.FIRST_WINDOW;
        int widest = EndOfCentralDirectory.MAX_SEARCH_WINDOW;
        try (ZipIndex index = ZipIndex.of(source, "commented.zip")) {
            assertThat(index.entryCount()).isEqualTo(2);
            assertThat(index.read("a.txt")).isEqualTo("12345".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(source.reads.subList(0, 2)).containsExactly(
                new RecordingByteSource.Range(bytes.length - first, first),
                new RecordingByteSource.Range(bytes.length - widest, widest - first));
        assertThat(source.reads).noneMatch(r -> r.offset() == zip.centralDirectoryOffset());
    }

    // ---- bad input: one sentence naming the file, a typed exception ----

    @Test
    void notAZipNamesTheFile() throws IOException {
        Path text = write("notes.zip", "just some text, long enough to pass the minimum length".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ZipIndex.open(text)).isInstanceOf(NotAZipException.class).isInstanceOf(BadInputException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a zip");
        Path tiny = write("tiny.zip", new byte[] {'P', 'K'});
        assertThatThrownBy(() -> ZipIndex.open(tiny)).isInstanceOf(NotAZipException.class).hasMessageContaining("tiny.zip");
        Path zeros = write("zeros.zip", new byte[200_000]);
        assertThatThrownBy(() -> ZipIndex.open(zeros)).isInstanceOf(NotAZipException.class).hasMessageContaining("zeros.zip");
    }

    @Test
    void aZipCutShortHasNoEndRecord() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "a".repeat(1000));
        byte[] bytes = zip.build();
        Path cut = write("cut.zip", Arrays.copyOf(bytes, bytes.length - 30));
        assertThatThrownBy(() -> ZipIndex.open(cut)).isInstanceOf(NotAZipException.class).hasMessageContaining("cut.zip")
                .hasMessageContaining("truncated");
    }

    @Test
    void centralDirectoryBeyondTheEndIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        byte[] bytes = zip.build();
        ZipBytesBuilder.putU32(bytes, bytes.length - 22 + 16, zip.centralDirectoryOffset() + 1_000_000);
        Path p = write("far.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class).hasMessageContaining("far.zip")
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void entryCountMismatchIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        zip.file("b.txt", "def");
        byte[] bytes = zip.build();
        ZipBytesBuilder.putU16(bytes, bytes.length - 22 + 8, 3);
        ZipBytesBuilder.putU16(bytes, bytes.length - 22 + 10, 3);
        Path p = write("count.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class)
                .hasMessageContaining("count.zip").hasMessageContaining("declares 3 entries").hasMessageContaining("holds 2");
    }

    @Test
    void aRecordRunningPastTheCentralDirectoryIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        zip.file("b.txt", "def");
        byte[] bytes = zip.build();
        int second = (int) zip.centralDirectoryOffset() + 46 + "a.txt".length();
        ZipBytesBuilder.putU16(bytes, second + 28, 200); // name length of the last record
        Path p = write("overrun.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class)
                .hasMessageContaining("overrun.zip").hasMessageContaining("record 2");
    }

    @Test
    void aCentralDirectoryShorterThanItsRecordsIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        byte[] bytes = zip.build();
        // Claim a central directory 10 bytes long, ending where the real one ends: the record is cut off.
        ZipBytesBuilder.putU32(bytes, bytes.length - 22 + 12, 10);
        ZipBytesBuilder.putU32(bytes, bytes.length - 22 + 16, zip.centralDirectoryOffset() + zip.centralDirectorySize() - 10);
        Path p = write("short.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class).hasMessageContaining("short.zip");
    }

    @Test
    void compressedSizeLargerThanTheFileIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        byte[] bytes = zip.build();
        ZipBytesBuilder.putU32(bytes, (int) zip.centralDirectoryOffset() + 20, 3_000_000_000L);
        Path p = write("claims.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class)
                .hasMessageContaining("claims.zip").hasMessageContaining("a.txt").hasMessageContaining("3000000000 compressed bytes");
    }

    @Test
    void anImpossibleExpansionOverTenGibibytesIsCorruptButAPlausibleOneIsCounted() throws IOException {
        ZipBytesBuilder bomb = new ZipBytesBuilder().zip64End();
        ZipBytesBuilder.Entry e = bomb.deflated("bomb.bin", new byte[1000]);
        e.zip64Sizes = true;
        e.claimedUncompressed = 20L << 30;
        Path p = write("bomb.zip", bomb.build());
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class)
                .hasMessageContaining("bomb.zip").hasMessageContaining("bomb.bin").hasMessageContaining("more than deflate can expand");

        ZipBytesBuilder plausible = new ZipBytesBuilder().zip64End();
        ZipBytesBuilder.Entry big = plausible.file("big.bin", new byte[30 << 20], 0100644);
        big.zip64Sizes = true;
        big.claimedUncompressed = 11L << 30; // 11 GiB from 30 MiB: under deflate's 1032:1
        try (ZipIndex index = index("plausible.zip", plausible.build())) {
            assertThat(index.unzippedBytes()).isEqualTo(11L << 30);
        }
    }

    @Test
    void missingZip64ExtraIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        byte[] bytes = zip.build();
        ZipBytesBuilder.putU32(bytes, (int) zip.centralDirectoryOffset() + 24, 0xFFFFFFFFL);
        Path p = write("nozip64.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(CorruptZipException.class)
                .hasMessageContaining("nozip64.zip").hasMessageContaining("zip64 extra field");
    }

    @Test
    void splitZipsAreUnsupported() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("a.txt", "abc");
        byte[] bytes = zip.build();
        ZipBytesBuilder.putU16(bytes, bytes.length - 22 + 4, 2);
        Path p = write("part.zip", bytes);
        assertThatThrownBy(() -> ZipIndex.open(p)).isInstanceOf(UnsupportedZipException.class)
                .hasMessageContaining("part.zip").hasMessageContaining("split");
    }

    @Test
    void readingDamagedEntriesFailsClearly() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.file("crc.txt", "checked by crc");
        ZipBytesBuilder.Entry bz = zip.file("bzip2.bin", "pretend".getBytes(StandardCharsets.US_ASCII), 0100644);
        bz.method = 12;
        ZipBytesBuilder.Entry locked = zip.file("secret.txt", "pretend".getBytes(StandardCharsets.US_ASCII), 0100644);
        locked.flags |= 1;
        zip.file("moved.txt", "its local header is damaged");
        byte[] bytes = zip.build();
        bytes[30 + "crc.txt".length()] ^= 1; // first data byte of crc.txt
        int movedHeader = indexOf(bytes, "moved.txt".getBytes(StandardCharsets.US_ASCII)) - 30;
        bytes[movedHeader] = 'X';
        try (ZipIndex index = index("damaged.zip", bytes)) {
            assertThat(index.entryCount()).isEqualTo(4);
            assertThatThrownBy(() -> index.read("crc.txt")).isInstanceOf(CorruptZipException.class)
                    .hasMessageContaining("damaged.zip").hasMessageContaining("CRC-32");
            assertThatThrownBy(() -> index.read("bzip2.bin")).isInstanceOf(UnsupportedZipException.class)
                    .hasMessageContaining("compression method 12");
            assertThatThrownBy(() -> index.read("secret.txt")).isInstanceOf(UnsupportedZipException.class)
                    .hasMessageContaining("encrypted");
            assertThatThrownBy(() -> index.read("moved.txt")).isInstanceOf(CorruptZipException.class)
                    .hasMessageContaining("no local file header");
        }
    }

    @Test
    void deflatedDataThatDisagreesWithItsSizesIsCorrupt() throws IOException {
        ZipBytesBuilder zip = new ZipBytesBuilder();
        ZipBytesBuilder.Entry longer = zip.deflated("longer.txt", "z".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        longer.claimedUncompressed = 1000L;
        ZipBytesBuilder.Entry shorter = zip.deflated("shorter.txt", "z".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        shorter.claimedUncompressed = 3000L;
        try (ZipIndex index = index("sizes.zip", zip.build())) {
            assertThatThrownBy(() -> index.read("longer.txt")).isInstanceOf(CorruptZipException.class)
                    .hasMessageContaining("more than the 1000 bytes");
            assertThatThrownBy(() -> index.read("shorter.txt")).isInstanceOf(CorruptZipException.class)
                    .hasMessageContaining("shorter.txt");
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
