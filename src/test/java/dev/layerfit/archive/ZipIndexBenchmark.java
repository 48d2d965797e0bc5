package dev.layerfit.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Indexing speed of {@link ZipIndex}: a whole index from the file (open, tail read, central-directory read,
 * parse) and the parse alone from bytes in memory. The zip is the one named by the system property
 * {@code layerfit.bench.zip} (see bench/make-real-layer.sh), else a synthetic 3,000-entry zip in a temp dir.
 * The {@code entries} counter reports central-directory entries per second. Run with bench/zip-index-jmh.sh.
 *
 * <p>{@link #main} indexes the zip once and prints its figures: bench/zip-index-jmh.sh times it as a whole process.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ZipIndexBenchmark {

    /** The zip under test, and its bytes for the in-memory benchmark. */
    @State(Scope.Benchmark)
    public static class Input {
        Path zip;
        byte[] bytes;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            String given = System.getProperty("layerfit.bench.zip");
            zip = given != null && !given.isBlank() ? Path.of(given) : syntheticZip(3000);
            // Only the tail is needed in memory: the central directory and the end records.
            try (ZipIndex index = ZipIndex.open(zip)) {
                System.out.println("# zip: " + zip + " (" + index.entryCount() + " entries, " + index.unzippedBytes()
                        + " bytes unzipped, " + index.zippedBytes() + " bytes zipped)");
            }
            bytes = Files.readAllBytes(zip);
        }
    }

    /** Counts entries indexed, so that JMH reports entries per second beside operations per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Entries {
        public long entries;
    }

    @Benchmark
    public long indexFromFile(Input input, Entries counter) throws IOException {
        try (ZipIndex index = ZipIndex.open(input.zip)) {
            counter.entries += index.entryCount();
            return index.unzippedBytes();
        }
    }

    @Benchmark
    public long indexFromMemory(Input input, Entries counter) throws IOException {
        try (ZipIndex index = ZipIndex.of(new MemorySource(input.bytes), "in-memory")) {
            counter.entries += index.entryCount();
            return index.unzippedBytes();
        }
    }

    /** Writes a zip of {@code count} small Python-like files into a temp dir (deleted on exit). */
    static Path syntheticZip(int count) throws IOException {
        Path zip = Files.createTempFile("layerfit-bench-", ".zip");
        zip.toFile().deleteOnExit();
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("python/package_" + (i / 50) + "/sub/module_" + i + ".py"));
                out.write(("# module " + i + "\n" + "x = 1\n".repeat(i % 200)).getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Indexes one zip (argument, or the synthetic one) and prints its figures; for whole-process timing. */
    public static void main(String[] args) throws IOException {
        Path zip = args.length > 0 ? Path.of(args[0]) : syntheticZip(3000);
        try (MeasuredArtifact artifact = Artifacts.open(zip)) {
            System.out.println(artifact.label() + ": " + artifact.entryCount() + " entries, " + artifact.unzippedBytes()
                    + " bytes unzipped, " + artifact.zippedBytes() + " bytes zipped");
        }
    }

    /** A source over bytes already in memory: measures the parse without the file system. */
    static final class MemorySource implements RandomAccessSource {
        private final byte[] bytes;

        MemorySource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public void readFully(long offset, byte[] buf, int off, int len) {
            System.arraycopy(bytes, (int) offset, buf, off, len);
        }

        @Override
        public void close() {
        }
    }
}
