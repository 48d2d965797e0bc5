package dev.layerfit.aws;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.archive.ZipIndex;
import java.io.IOException;
import java.util.Optional;

/**
 * Measures published layer versions without downloading them: GetLayerVersion gives CodeSize, CodeSha256 and a
 * presigned Location; the unzipped size comes from the zip's central directory, read from the tail of the file by
 * range requests (the end record's window, at most 65,557 bytes, then the directory). The tail is cached by
 * CodeSha256, so a second measurement downloads nothing.
 *
 * <p>With {@code offline}, nothing touches the network: an ARN measured before is answered from the cache,
 * anything else is an {@link OfflineException}.
 */
public final class RemoteLayers {

    private final LayerStore store;
    private final FunctionStore functions;
    private final ArtifactFetcher fetcher;
    private final RemoteIndexCache cache;
    private final boolean offline;

    /**
     * @param store   for GetLayerVersion (unused when offline; may then be null)
     * @param fetcher opens a version's zip for ranged reads
     * @param cache   the tail cache, or null for none
     * @param offline refuse every network use
     */
    public RemoteLayers(LayerStore store, ArtifactFetcher fetcher, RemoteIndexCache cache, boolean offline) {
        this(store, null, fetcher, cache, offline);
    }

    /**
     * Also measures functions' code ({@link #open} of a function ARN) through {@code functions}
     * (GetFunction gives its CodeSha256, CodeSize and Location).
     */
    public RemoteLayers(LayerStore store, FunctionStore functions, ArtifactFetcher fetcher, RemoteIndexCache cache,
            boolean offline) {
        this.store = store;
        this.functions = functions;
        this.fetcher = fetcher;
        this.cache = cache;
        this.offline = offline;
    }

    /** Zipped and unzipped size of a layer version. */
    public RemoteLayerSize measure(String layerVersionArn) {
        try (Opened opened = openIndex(layerVersionArn)) {
            ZipIndex index = opened.index;
            return new RemoteLayerSize(layerVersionArn, opened.codeSha256, index.zippedBytes(), index.unzippedBytes(),
                    index.entryCount(), opened.fromCache);
        }
    }

    /**
     * The layer version as a {@link MeasuredArtifact}: entries from the remote central directory; {@code read(name)}
     * fetches that one entry by a range request. Close it when done.
     */
    public MeasuredArtifact open(String layerVersionArn) {
        Opened opened = openIndex(layerVersionArn);
        return cache == null || opened.codeSha256 == null ? opened.index
                : new CachedEntries(opened.index, cache, opened.codeSha256);
    }

    /**
     * A remote layer whose small entries (RECORD, METADATA, ...) are kept in the cache once read, so a second
     * check of the same content downloads nothing and {@code --offline} can answer it whole.
     */
    private record CachedEntries(ZipIndex index, RemoteIndexCache cache, String codeSha256) implements MeasuredArtifact {

        @Override
        public String label() {
            return index.label();
        }

        @Override
        public java.util.List<dev.layerfit.archive.ArchiveEntry> entries() {
            return index.entries();
        }

        @Override
        public byte[] read(String name) throws java.io.IOException {
            Optional<byte[]> kept = cache.entry(codeSha256, name);
            if (kept.isPresent()) {
                return kept.get();
            }
            byte[] bytes = index.read(name);
            cache.putEntry(codeSha256, name, bytes);
            return bytes;
        }

        @Override
        public long unzippedBytes() {
            return index.unzippedBytes();
        }

        @Override
        public long zippedBytes() {
            return index.zippedBytes();
        }

        @Override
        public int entryCount() {
            return index.entryCount();
        }

        @Override
        public java.util.List<String> duplicateNames() {
            return index.duplicateNames();
        }

        @Override
        public void close() {
            index.close();
        }
    }

    private Opened openIndex(String arn) {
        if (offline) {
            return openOffline(arn);
        }
        LayerVersion version;
        if (arn.contains(":function:")) {
            if (functions == null) {
                throw new IllegalStateException("no function store to measure " + arn);
            }
            DeployedFunction f = functions.get(arn);
            if (f.image()) {
                throw new ArtifactDownloadException(arn + " is a container-image function: it has no zip to measure", null);
            }
            version = f.asCode();
        } else {
            version = store.getLayerVersionByArn(arn);
        }
        String sha = version.codeSha256();
        if (cache != null && sha != null) {
            cache.rememberArn(arn, sha);
        }
        Optional<RemoteIndexCache.CachedTail> cached = cache == null || sha == null ? Optional.empty() : cache.tail(sha);
        TailBufferedSource source;
        if (cached.isPresent() && cached.get().size() == version.codeSize()) {
            RemoteIndexCache.CachedTail t = cached.get();
            source = new TailBufferedSource(t.size(), t.tailStart(), t.bytes(), () -> fetcher.open(version));
        } else {
            source = new TailBufferedSource(version.codeSize(), version.codeSize(), new byte[0], () -> fetcher.open(version));
        }
        ZipIndex index = index(source, arn);
        boolean fromCache = !source.remoteOpened();
        if (cache != null && sha != null && !fromCache) {
            cache.putTail(sha, source.size(), source.tailStart(), source.tail());
        }
        return new Opened(index, sha, fromCache);
    }

    private Opened openOffline(String arn) {
        String sha = cache == null ? null : cache.codeSha256For(arn).orElse(null);
        Optional<RemoteIndexCache.CachedTail> cached = sha == null ? Optional.empty() : cache.tail(sha);
        if (cached.isEmpty()) {
            throw new OfflineException("--offline: " + arn + " has not been measured on this machine, and measuring it "
                    + "needs the AWS API and a download; run once without --offline, or give its zip with --layer ARN=PATH");
        }
        RemoteIndexCache.CachedTail t = cached.get();
        TailBufferedSource source = new TailBufferedSource(t.size(), t.tailStart(), t.bytes(), () -> {
            throw new OfflineException("--offline: reading a file from inside " + arn + " needs a download; "
                    + "run without --offline");
        });
        return new Opened(index(source, arn), sha, true);
    }

    private static ZipIndex index(TailBufferedSource source, String arn) {
        try {
            return ZipIndex.of(source, arn);
        } catch (IOException e) {
            closeQuietly(source);
            throw new ArtifactDownloadException("could not read the central directory of " + arn + " ("
                    + dev.layerfit.error.ExceptionWords.describe(e) + "); run again", e);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw e;
        }
    }

    private static void closeQuietly(TailBufferedSource s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    private record Opened(ZipIndex index, String codeSha256, boolean fromCache) implements AutoCloseable {
        @Override
        public void close() {
            index.close();
        }
    }
}
