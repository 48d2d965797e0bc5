package dev.layerfit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one bounded reader of files a user names (requirements, configs, listings, zips, project files): it refuses
 * anything but a regular file (a FIFO would block forever, {@code /dev/zero} never ends), refuses files over a cap,
 * and remembers every input it read, so that {@link AtomicFileWriter} can refuse to write an output over an input.
 *
 * <p>The caps are facts of what the files are: a requirements file or a config of a few MB is already absurd.
 * Each cap can be raised with the system property {@code layerfit.maxTextBytes} (bytes).
 */
public final class InputFiles {

    /** The default cap of a text input (requirements, configs, listings, metadata): 16 MiB. */
    public static final long TEXT_CAP = Long.getLong("layerfit.maxTextBytes", 16L << 20);

    /**
     * The default cap of a machine-written document (a Terraform plan in JSON, a cloud assembly's template): 64 MiB,
     * raised with {@code layerfit.maxDocumentBytes}. A CloudFormation template may be 1 MB (CloudFormation quotas,
     * "Template body size in an Amazon S3 object"); a plan of thousands of resources stays well below 64 MiB.
     */
    public static final long DOCUMENT_CAP = Long.getLong("layerfit.maxDocumentBytes", 64L << 20);

    private static final Set<Path> READ = ConcurrentHashMap.newKeySet();

    private InputFiles() {
    }

    /** Forgets the inputs of an earlier run in this process (the CLI calls it once per run). */
    public static void reset() {
        READ.clear();
    }

    /**
     * Records {@code path} as one of this run's inputs: an output may not replace it. Only files actually read count
     * (a project folder's own files are remembered one by one as its reader reads them), so a report written into the
     * project, such as {@code --markdown report.md}, can be written again on the next run.
     */
    public static void remember(Path path) {
        try {
            READ.add(path.toRealPath());
        } catch (IOException | RuntimeException e) {
            READ.add(path.toAbsolutePath().normalize());
        }
    }

    /** Whether {@code realPath} (already resolved) was read as an input in this run. */
    static boolean isInput(Path realPath) {
        return READ.contains(realPath);
    }

    /**
     * Checks that {@code path} is a regular file layerfit may read (following links) and remembers it as an input.
     *
     * @param what how messages name the file ("the requirements file")
     * @throws UnsafeFileException when it is missing, a folder, a FIFO, a device or a socket
     */
    public static Path requireRegular(Path path, String what) {
        FileKind kind = FileKind.of(path);
        if (kind == FileKind.MISSING) {
            throw new UnsafeFileException(what + " " + path + " does not exist; check the path");
        }
        if (kind != FileKind.REGULAR) {
            throw new UnsafeFileException(what + " " + path + " is " + kind.words()
                    + ", not a regular file; give a regular file");
        }
        remember(path);
        return path;
    }

    /** The bytes of a regular file, at most {@code cap} of them (else a clear error). */
    public static byte[] readBytes(Path path, long cap, String what) throws IOException {
        requireRegular(path, what);
        long size = Files.size(path);
        if (size > cap) {
            throw tooLarge(path, what, size, cap);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return BoundedStreams.readAtMost(in, cap, () -> tooLarge(path, what, -1, cap));
        }
    }

    /** The text of a regular UTF-8 file of at most {@link #TEXT_CAP} bytes; a leading BOM is dropped. */
    public static String readText(Path path, String what) throws IOException {
        return decode(readBytes(path, TEXT_CAP, what));
    }

    /**
     * The text of a regular file of at most {@code cap} bytes that must be UTF-8: malformed bytes are a
     * {@link java.nio.charset.MalformedInputException} (as {@link Files#readString} throws), a leading BOM is dropped.
     */
    public static String readUtf8(Path path, long cap, String what) throws IOException {
        byte[] bytes = readBytes(path, cap, what);
        String text = decode(bytes);
        if (text.indexOf('\uFFFD') >= 0) {
            // a replacement character: malformed bytes, or one the file really holds; the strict decoder (slow when
            // cold, so only then) tells which, throwing for malformed bytes
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
        }
        return text;
    }

    /** As {@link #readUtf8(Path, long, String)} with {@link #TEXT_CAP}. */
    public static String readUtf8(Path path, String what) throws IOException {
        return readUtf8(path, TEXT_CAP, what);
    }

    /**
     * For a quick look at a file found in a folder (is this a template?): its text when it is a regular file of at
     * most {@code cap} bytes, else empty. Never blocks on a FIFO, never reads a device, never throws.
     */
    public static java.util.Optional<String> peekText(Path path, long cap) {
        if (FileKind.of(path) != FileKind.REGULAR) {
            return java.util.Optional.empty();
        }
        try {
            if (Files.size(path) > cap) {
                return java.util.Optional.empty();
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) Math.min(cap, Integer.MAX_VALUE - 8));
                return java.util.Optional.of(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether {@code path} (links followed) is a regular file: a FIFO, device or socket is not. */
    public static boolean isRegular(Path path) {
        return FileKind.of(path) == FileKind.REGULAR;
    }

    /** UTF-8 text with a leading byte-order mark removed (editors on Windows write one; JSON parsers choke on it). */
    public static String decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Standard input, at most {@code cap} bytes. */
    public static byte[] readStdin(InputStream in, long cap) throws IOException {
        return BoundedStreams.readAtMost(in, cap, () -> new UnsafeFileException(
                "standard input holds more than " + cap + " bytes; give a shorter text"));
    }

    private static UnsafeFileException tooLarge(Path path, String what, long size, long cap) {
        return new UnsafeFileException(what + " " + path + " is " + (size >= 0 ? size + " bytes, " : "")
                + "larger than layerfit's limit of " + cap + " bytes for it; check that it is the right file");
    }

}
