package dev.layerfit.archive;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Writes a folder to a zip so that the same folder always gives the same bytes (same SHA-256), whatever the
 * machine, time zone or file times:
 * <ul>
 * <li>entries in {@link FolderArtifact}'s order (depth-first, each folder's children sorted by name), folders
 * included as entries ending in '/', so the zip's entry count and unzipped size are the folder's;</li>
 * <li>every entry dated 1980-01-01 00:00:00, written as the raw MS-DOS date/time fields (date 0x0021, time 0),
 * never through {@code java.util.zip}'s time-zone-dependent conversion;</li>
 * <li>Unix modes fixed: 0644 files, 0755 folders and files with any execute bit, 0777 symlinks (whose target
 * path is stored as the entry's data, as {@code zip -y} does); "version made by" Unix 2.0;</li>
 * <li>no extra fields, comments or data descriptors; the UTF-8 flag (bit 11) only on non-ASCII names;</li>
 * <li>each file deflated at level 6 (configurable) and stored instead when deflate does not make it smaller;
 * zip64 end records only from 65,535 entries on.</li>
 * </ul>
 * At the default level the length is exactly {@link FolderArtifact#zippedBytes()} (see {@link FolderZipSize}).
 * Files are compressed on all cores, in a bounded window, and assembled in order. The zip is written to a
 * temporary file in the output's folder and moved over the output atomically; a failed or interrupted write
 * leaves nothing at the output path (and removes its temporary file). Record layouts: PKWARE APPNOTE 4.3.7
 * (local header), 4.3.12 (central header), 4.3.14-4.3.16 (zip64 and end records), 4.4.6 (DOS date/time).
 */
public final class DeterministicZipWriter {

    /** The deflate level {@link FolderZipSize} models. */
    public static final int DEFAULT_LEVEL = FolderZipSize.LEVEL;

    private static final int DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
    private static final int DOS_TIME_MIDNIGHT = 0;
    private static final int MADE_BY_UNIX = (3 << 8) | 20;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int UTF8_FLAG = 1 << 11;
    private static final int MSDOS_DIRECTORY = 0x10;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int MAX_16 = 0xFFFF;

    private final int level;
    private final int threads;
    private final PrecompressedEntries precompressed;

    private DeterministicZipWriter(int level, int threads) {
        this(level, threads, null);
    }

    private DeterministicZipWriter(int level, int threads, PrecompressedEntries precompressed) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be 0..9, not " + level);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.level = level;
        this.threads = threads;
        this.precompressed = precompressed;
    }

    /** Level {@value #DEFAULT_LEVEL}, one compression thread per available processor. */
    public static DeterministicZipWriter create() {
        return new DeterministicZipWriter(DEFAULT_LEVEL, Runtime.getRuntime().availableProcessors());
    }

    /** The same writer with another deflate level (0-9); only level 6 matches {@link FolderArtifact#zippedBytes()}. */
    public DeterministicZipWriter withLevel(int newLevel) {
        return new DeterministicZipWriter(newLevel, threads, precompressed);
    }

    /** The same writer with another number of compression threads; the bytes written do not depend on it. */
    public DeterministicZipWriter withThreads(int newThreads) {
        return new DeterministicZipWriter(level, newThreads, precompressed);
    }

    /**
     * The same writer taking a file's deflated bytes from {@code source} when it has them for the entry and the file
     * on disk has the same size and CRC-32 (e.g. a wheel's entry for an installed file): no deflating, and the zip is
     * still the same bytes for the same inputs. The result's zipped size then follows the source's compression.
     */
    public DeterministicZipWriter withPrecompressed(PrecompressedEntries source) {
        return new DeterministicZipWriter(level, threads, source);
    }

    /**
     * Zips the contents of {@code folder} (entry names relative to it) to {@code zip}, replacing any file there.
     *
     * @throws IllegalArgumentException when {@code zip} lies inside {@code folder}
     * @throws UnsupportedZipException  when the zip would pass 4 GiB (layerfit writes no zip64 sizes)
     */
    public WrittenZip write(Path folder, Path zip) throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        if (target.startsWith(folder.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the zip " + zip + " must not be inside the folder it zips, " + folder);
        }
        List<ArchiveEntry> entries;
        long unzipped;
        try (FolderArtifact artifact = FolderArtifact.open(folder)) {
            entries = artifact.entries();
            unzipped = artifact.unzippedBytes();
        }
        return writeZip(folder.toString(), entries, entries.stream().map(e -> folder.resolve(e.name())).toList(), unzipped, target);
    }

    /** A file to store: its entry name and the file whose bytes it holds (a link is followed, as Python's zipfile does). */
    public record Source(String name, Path file) {
    }

    /**
     * Zips exactly {@code files}, in the given order, to {@code zip}: no folder entries, a name given twice is stored
     * twice (as Python's {@code zipfile} does when a packager writes the same name again), symbolic links followed.
     * Same temporary-file-then-atomic-move discipline as {@link #write(Path, Path)}.
     */
    public WrittenZip writeFiles(List<Source> files, Path zip) throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        List<ArchiveEntry> entries = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        long unzipped = 0;
        for (Source f : files) {
            long size = Files.size(f.file());
            int mode = Files.isExecutable(f.file()) ? 0100755 : 0100644;
            entries.add(new ArchiveEntry(f.name(), 0, size, mode, ArchiveEntry.Kind.FILE));
            paths.add(f.file());
            unzipped += size;
        }
        return writeZip(zip.toString(), entries, paths, unzipped, target);
    }

    /** Writes the entries to a temporary file beside {@code target}, then moves it over {@code target} atomically. */
    private WrittenZip writeZip(String label, List<ArchiveEntry> entries, List<Path> paths, long unzipped, Path target)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "layerfit-zip");
            t.setDaemon(true);
            return t;
        });
        try {
            MessageDigest sha256 = sha256();
            long[] length = new long[1];
            // the one safe-output writer: temporary file and rename, links written through, inputs refused
            Path written = dev.layerfit.io.AtomicFileWriter.atomic().write(target, file -> {
                try (DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(new dev.layerfit.io.NonClosingOutputStream(file), 1 << 16), sha256);
                     ZipRecords out = new ZipRecords(digest)) {
                    writeEntries(label, entries, paths, out, pool);
                    length[0] = out.position();
                }
            });
            return new WrittenZip(written, length[0], unzipped, entries.size(), HexFormat.of().formatHex(sha256.digest()));
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeEntries(String folder, List<ArchiveEntry> entries, List<Path> paths, ZipRecords out, ExecutorService pool)
            throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        ZipRecords centralOut = new ZipRecords(central);
        ArrayDeque<Future<Compressed>> window = new ArrayDeque<>();
        int windowSize = threads * 4;
        int next = 0;
        for (int written = 0; written < entries.size(); written++) {
            while (next < entries.size() && window.size() < windowSize) {
                ArchiveEntry e = entries.get(next);
                Path source = paths.get(next++);
                window.add(pool.submit(() -> compress(source, e)));
            }
            ArchiveEntry entry = entries.get(written);
            Compressed c = await(window.removeFirst());
            long offset = out.position();
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            int flags = isAscii(entry.name()) ? 0 : UTF8_FLAG;
            int needed = c.method == DEFLATED ? 20 : 10;
            out.u32(0x04034b50).u16(needed).u16(flags).u16(c.method).u16(DOS_TIME_MIDNIGHT).u16(DOS_DATE_1980_01_01)
                    .u32(c.crc).u32(c.compressedSize).u32(c.size).u16(name.length).u16(0).bytes(name);
            if (c.data != null) {
                out.bytes(c.data);
            } else if (entry.kind() == ArchiveEntry.Kind.FILE) {
                try (InputStream in = Files.newInputStream(paths.get(written))) {
                    out.copy(in, c.size, paths.get(written));
                }
            }
            if (out.position() > MAX_32) {
                throw new UnsupportedZipException("the zip of " + folder + " would pass 4 GiB, which layerfit does not write"
                        + " (a Lambda layer must be far smaller); split the folder into several layers");
            }
            long external = ((long) c.mode << 16) | (entry.kind() == ArchiveEntry.Kind.DIRECTORY ? MSDOS_DIRECTORY : 0);
            centralOut.u32(0x02014b50).u16(MADE_BY_UNIX).u16(needed).u16(flags).u16(c.method).u16(DOS_TIME_MIDNIGHT)
                    .u16(DOS_DATE_1980_01_01).u32(c.crc).u32(c.compressedSize).u32(c.size).u16(name.length).u16(0).u16(0)
                    .u16(0).u16(0).u32(external).u32(offset).bytes(name);
        }
        long directoryOffset = out.position();
        central.writeTo(out.stream());
        out.advance(central.size());
        long directorySize = central.size();
        if (out.position() > MAX_32) {
            throw new UnsupportedZipException("the zip of " + folder + " would pass 4 GiB, which layerfit does not write"
                    + " (a Lambda layer must be far smaller); split the folder into several layers");
        }
        int count = entries.size();
        if (count >= MAX_16) {
            long zip64End = out.position();
            out.u32(0x06064b50).u64(44).u16(MADE_BY_UNIX).u16(45).u32(0).u32(0).u64(count).u64(count)
                    .u64(directorySize).u64(directoryOffset);
            out.u32(0x07064b50).u32(0).u64(zip64End).u32(1);
        }
        int shortCount = Math.min(count, MAX_16);
        out.u32(0x06054b50).u16(0).u16(0).u16(shortCount).u16(shortCount).u32(directorySize).u32(directoryOffset).u16(0);
    }

    /** What one entry holds once compressed; {@code data} is null when the file is stored (copied at assembly). */
    private record Compressed(int method, long crc, long size, long compressedSize, byte[] data, int mode) {
    }

    private Compressed compress(Path source, ArchiveEntry entry) throws IOException {
        switch (entry.kind()) {
            case DIRECTORY:
                return new Compressed(STORED, 0, 0, 0, new byte[0], 040755);
            case SYMLINK: {
                byte[] target = Files.readSymbolicLink(source).toString().getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(target);
                return new Compressed(STORED, crc.getValue(), target.length, target.length, target, 0120777);
            }
            default: {
                Path file = source;
                int mode = (entry.unixMode() & 0111) != 0 ? 0100755 : 0100644;
                Compressed reused = reuse(file, entry, mode);
                if (reused != null) {
                    return reused;
                }
                CRC32 crc = new CRC32();
                ByteArrayOutputStream deflated = new ByteArrayOutputStream((int) Math.min(entry.uncompressedSize() / 2 + 64, 1 << 24));
                long size;
                try (CountingInputStream in = new CountingInputStream(new CheckedInputStream(Files.newInputStream(file), crc))) {
                    RawDeflate.deflate(in, level, deflated);
                    size = in.count();
                }
                if (size != entry.uncompressedSize()) {
                    throw new IOException(file + " changed size while it was being zipped (" + entry.uncompressedSize()
                            + " then " + size + " bytes); zip it again when nothing is writing to the folder");
                }
                if (deflated.size() < size) {
                    return new Compressed(DEFLATED, crc.getValue(), size, deflated.size(), deflated.toByteArray(), mode);
                }
                return new Compressed(STORED, crc.getValue(), size, size, null, mode);
            }
        }
    }

    /** The source's deflated bytes for a file whose size and CRC-32 match, or null. */
    private Compressed reuse(Path file, ArchiveEntry entry, int mode) throws IOException {
        PrecompressedEntries.Candidate c = precompressed == null ? null : precompressed.find(entry.name());
        if (c == null || c.size() != entry.uncompressedSize()) {
            return null;
        }
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (crc.getValue() != c.crc()) {
            return null;
        }
        byte[] deflated = c.readDeflated();
        return deflated.length < c.size() ? new Compressed(DEFLATED, c.crc(), c.size(), deflated.length, deflated, mode) : null;
    }

    private static Compressed await(Future<Compressed> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while writing a zip");
            io.initCause(e);
            throw io;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
