package dev.layerfit.aws;

import dev.layerfit.io.AtomicFileWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tails (end record + central directory) of remote layer zips, keyed by Lambda's CodeSha256, so that measuring
 * the same content again downloads nothing; and, because a layer version's content never changes, the CodeSha256 of
 * every version ARN seen (which lets {@code --offline} measure a cached ARN). Lives in
 * {@code $LAYERFIT_CACHE_DIR/remote-layers} (default {@code ~/.cache/layerfit/remote-layers}). Writes are atomic;
 * a cache that cannot be written is skipped, never an error.
 */
public final class RemoteIndexCache {

    private static final int MAGIC = 0x4C465431; // "LFT1"

    /** A cached tail: the bytes {@code [tailStart, size)} of a zip of {@code size} bytes. */
    public record CachedTail(long size, long tailStart, byte[] bytes) {
    }

    private final Path dir;

    public RemoteIndexCache(Path dir) {
        this.dir = dir;
    }

    /** {@code $LAYERFIT_CACHE_DIR/remote-layers}, or {@code ~/.cache/layerfit/remote-layers}. */
    public static RemoteIndexCache atDefaultLocation() {
        return new RemoteIndexCache(dev.layerfit.cache.CacheRoot.resolve("remote-layers"));
    }

    public Path directory() {
        return dir;
    }

    public Optional<CachedTail> tail(String codeSha256) {
        Path file = dir.resolve("tails").resolve(key(codeSha256) + ".tail");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            long size = in.readLong();
            long start = in.readLong();
            long length = size - start;
            if (start < 0 || length < 0 || length > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes((int) length);
            return bytes.length == length ? Optional.of(new CachedTail(size, start, bytes)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void putTail(String codeSha256, long size, long tailStart, byte[] bytes) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(bytes.length + 20);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeLong(size);
            out.writeLong(tailStart);
            out.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        write(dir.resolve("tails").resolve(key(codeSha256) + ".tail"), buf.toByteArray());
    }

    /** The bytes of one entry read earlier from the zip with this CodeSha256 (content-addressed, so never stale). */
    public Optional<byte[]> entry(String codeSha256, String name) {
        Path file = entryFile(codeSha256, name);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void putEntry(String codeSha256, String name, byte[] bytes) {
        write(entryFile(codeSha256, name), bytes);
    }

    private Path entryFile(String codeSha256, String name) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return dir.resolve("entries").resolve(key(codeSha256)).resolve(HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The CodeSha256 recorded for a layer version ARN. */
    public Optional<String> codeSha256For(String layerVersionArn) {
        Path file = dir.resolve("arns").resolve(arnFileName(layerVersionArn));
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void rememberArn(String layerVersionArn, String codeSha256) {
        if (codeSha256 != null) {
            write(dir.resolve("arns").resolve(arnFileName(layerVersionArn)), codeSha256.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The hex SHA-256 for Lambda's base64 form; anything else is made file-name safe. */
    static String key(String codeSha256) {
        try {
            byte[] raw = Base64.getDecoder().decode(codeSha256);
            if (raw.length == 32) {
                return HexFormat.of().formatHex(raw);
            }
        } catch (IllegalArgumentException e) {
            // not base64: fall through
        }
        return codeSha256.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String arnFileName(String arn) {
        return arn.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void write(Path target, byte[] content) {
        try {
            AtomicFileWriter.atomic().write(target, out -> out.write(content));
        } catch (IOException e) {
            // a cache that cannot be written only costs a download next time
        }
    }
}
