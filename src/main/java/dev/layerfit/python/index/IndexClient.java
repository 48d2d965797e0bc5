package dev.layerfit.python.index;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.HttpRangeSource;
import dev.layerfit.archive.RandomAccessSource;
import dev.layerfit.archive.ZipIndex;
import dev.layerfit.python.pep508.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds distribution files for a project across every configured index and find-links location (all candidates
 * merged, index URL first, as pip does), reads their core metadata without downloading whole wheels, and downloads
 * verified wheels. Thread-safe; each page, metadata file and wheel is fetched at most once per client even when
 * asked for concurrently.
 *
 * <p>Metadata comes from, in order: the cache; a PEP 658 {@code <url>.metadata} file (its sha256 checked when the
 * page gives one); for a file: URL the wheel itself; ranged reads of the wheel's tail ({@link HttpRangeSource}:
 * end record, central directory, then the {@code METADATA} entry alone); when the server ignores Range, the whole
 * wheel, downloaded once into the cache.
 */
public final class IndexClient {

    /**
     * The suffix requested first: 8 KiB, which holds the end record (22 bytes; wheels have no comment) and, for
     * most wheels, the whole central directory and often METADATA; {@link ZipIndex} asks for more only when needed.
     * (Measured on the example set over HTTP: 0.86% of the wheels' bytes against 3.07% with a 64 KiB first read.)
     */
    static final int TAIL_LENGTH = HttpRangeSource.ZIP_TAIL;

    private final IndexOptions options;
    private final HttpTransport http;
    private final IndexCache cache;
    private final TransferStats stats;
    private final List<DistributionSource> sources = new ArrayList<>();
    private final Set<DistributionSource> unreachable = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OnceMap<String, CoreMetadata> metadataOnce = new OnceMap<>();
    private final OnceMap<String, Path> wheelOnce = new OnceMap<>();

    private IndexClient(IndexOptions options, Netrc netrc, RetryPolicy retry, Path cacheDir) {
        this.options = options;
        this.stats = new TransferStats();
        this.http = new HttpTransport(retry, netrc, stats);
        this.cache = new IndexCache(cacheDir);
        for (String url : options.indexUrls()) {
            sources.add(new SimpleIndexSource(toIndexUri(url), http, cache));
        }
        for (String link : options.findLinks()) {
            sources.add(FindLinksSource.of(link, http));
        }
    }

    /**
     * A client for {@code options} with this process's settings: {@code $NETRC} or {@code ~/.netrc}, the standard
     * retry policy and the cache root ({@link dev.layerfit.cache.CacheRoot}: {@code $LAYERFIT_CACHE_DIR} or
     * {@code ~/.cache/layerfit}).
     */
    public static IndexClient create(IndexOptions options) throws IOException {
        Path home = UserHome.get();
        String netrc = System.getenv("NETRC");
        return create(options, Netrc.read(netrc == null || netrc.isBlank() ? home.resolve(".netrc") : Path.of(netrc)), RetryPolicy.standard(),
                dev.layerfit.cache.CacheRoot.get());
    }

    /** A client with every setting given (tests pass a temp cache folder and a fast retry policy). */
    public static IndexClient create(IndexOptions options, Netrc netrc, RetryPolicy retry, Path cacheDir) {
        return new IndexClient(options, netrc, retry, cacheDir);
    }

    private static URI toIndexUri(String url) {
        if (url.contains("://") || url.startsWith("file:")) {
            return URI.create(url);
        }
        return Path.of(url).toAbsolutePath().toUri();
    }

    /** The options this client searches. */
    public IndexOptions options() {
        return options;
    }

    /** Bytes and requests sent so far. */
    public TransferStats stats() {
        return stats;
    }

    /** The cache folder. */
    public Path cacheDir() {
        return cache.root();
    }

    /**
     * Every file any source lists for {@code project} (any spelling; it is normalised), sources in order, files in
     * page order; duplicates (same URL) kept once. Yanked files are included (see {@link IndexFile#yanked()}).
     *
     * @throws UnknownProjectException   when no source knows the project (with a "did you mean" when one is close)
     * @throws BadIndexResponseException when a source answers garbage
     * @throws IndexUnavailableException when a source cannot be reached after the retries
     */
    public List<IndexFile> files(String project) {
        String name = ProjectName.canonicalize(project);
        boolean known = false;
        LinkedHashSet<URI> seen = new LinkedHashSet<>();
        List<IndexFile> all = new ArrayList<>();
        IndexUnavailableException failure = null;
        for (DistributionSource source : sources) {
            if (unreachable.contains(source)) {
                continue;
            }
            Optional<List<IndexFile>> files;
            try {
                files = source.files(name);
            } catch (IndexUnavailableException e) {
                // like pip: an index that cannot be reached is a warning while another source answers
                failure = e;
                if (unreachable.add(source)) {
                    warnings.add(dev.layerfit.error.ExceptionWords.describe(e) + "; skipping that index for the rest of this run");
                }
                continue;
            }
            if (files.isPresent()) {
                known = true;
                for (IndexFile f : files.get()) {
                    if (seen.add(f.url())) {
                        all.add(f);
                    }
                }
            }
        }
        if (!known && failure != null && unreachable.size() == sources.size()) {
            throw failure;
        }
        if (!known) {
            List<String> names = new ArrayList<>();
            sources.forEach(s -> names.addAll(s.projectNames()));
            throw new UnknownProjectException(name, sources.stream().map(DistributionSource::label).toList(),
                    ProjectNameSuggestion.closest(name, names));
        }
        return all;
    }

    /** Indexes that could not be reached and were skipped, one sentence each (empty when all answered). */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(cache.dropped());
        return List.copyOf(all);
    }

    /**
     * The core metadata of a wheel, fetching as little as possible (see the class comment); cached on disk.
     *
     * @throws MetadataUnavailableException for an sdist, or a wheel without a readable {@code .dist-info/METADATA}
     * @throws HashMismatchException        when a PEP 658 file or a downloaded wheel differs from its stated sha256
     */
    public CoreMetadata metadata(IndexFile file) {
        String key = IndexCache.fileKey(file);
        return metadataOnce.get(key, () -> {
            byte[] data = cache.metadata(key, file.filename()).orElse(null);
            if (data == null) {
                // only the headers resolution reads: not the body (the long description) nor a folded licence
                data = CoreMetadata.neededHeaders(fetchMetadata(file));
                if (file.sha256() != null || !isFile(file.url())) {
                    cache.putMetadata(key, data);
                }
            }
            return CoreMetadata.parse(data, file.filename() + " METADATA");
        });
    }

    private byte[] fetchMetadata(IndexFile file) {
        if (file.metadataAvailable()) {
            if (isFile(file.url())) {
                Path p = Path.of(file.metadataUrl());
                if (Files.isRegularFile(p)) {
                    return verified(readLocal(p), file.metadataSha256(), file.filename() + ".metadata");
                }
            } else {
                HttpTransport.Response r = http.get(file.metadataUrl(), Map.of("Accept-Encoding", "identity"),
                        TransferStats.Purpose.METADATA);
                if (r.status() == 200) {
                    return verified(r.body(), file.metadataSha256(), RedactedUrl.of(file.metadataUrl()));
                }
                // a page may promise metadata it does not serve: fall back to the wheel
            }
        }
        if (!file.isWheel()) {
            throw new MetadataUnavailableException(file.filename() + " is a source distribution; layerfit reads metadata only "
                    + "from wheels, so pick a version that has a wheel for the target");
        }
        if (isFile(file.url())) {
            try (ZipIndex zip = ZipIndex.open(Path.of(file.url()))) {
                return readMetadataEntry(zip, file);
            } catch (IOException e) {
                throw new BadIndexResponseException(file + " could not be read as a wheel (" + dev.layerfit.error.ExceptionWords.describe(e)
                        + "); the file is broken, remove it from the index", e);
            }
        }
        RandomAccessSource source = rangedWheel(file);
        try (ZipIndex zip = ZipIndex.of(source, RedactedUrl.of(file.url()))) {
            return readMetadataEntry(zip, file);
        } catch (IOException e) {
            throw new BadIndexResponseException(file + " could not be read as a wheel (" + dev.layerfit.error.ExceptionWords.describe(e)
                    + "); the file is broken or the server mishandles range requests", e);
        }
    }

    private static byte[] readMetadataEntry(ZipIndex zip, IndexFile file) throws IOException {
        String project = FindLinksSource.projectOf(file.filename());
        String chosen = null;
        for (ArchiveEntry e : zip.entries()) {
            String n = e.name();
            int slash = n.indexOf('/');
            if (slash > 0 && n.substring(0, slash).endsWith(".dist-info") && n.substring(slash).equals("/METADATA")) {
                String dir = n.substring(0, slash);
                int dash = dir.indexOf('-');
                boolean matches = dash > 0 && ProjectName.canonicalize(dir.substring(0, dash)).equals(project);
                if (chosen == null || matches) {
                    chosen = n;
                    if (matches) {
                        break;
                    }
                }
            }
        }
        if (chosen == null) {
            throw new MetadataUnavailableException(file.filename() + " has no *.dist-info/METADATA, so it is not a valid wheel; "
                    + "pick another version or report it to the project");
        }
        return zip.read(chosen);
    }

    private static byte[] verified(byte[] data, String expected, String what) {
        if (expected != null) {
            String actual = IndexCache.sha256Hex(data);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new HashMismatchException(what, expected, actual);
            }
        }
        return data;
    }

    private static byte[] readLocal(Path p) {
        try {
            return dev.layerfit.io.InputFiles.readBytes(p, dev.layerfit.io.InputFiles.TEXT_CAP, "the metadata file");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + p, e);
        }
    }

    /**
     * The wheel (or sdist) as a local file whose sha256 matches the page's (when it gave one): a file: URL as it
     * is, an http(s) file downloaded once into the cache ({@code wheels/<sha256>/<filename>}).
     *
     * @throws HashMismatchException when the bytes differ from the stated sha256 (nothing is cached)
     */
    public Path download(IndexFile file) {
        return download(file, TransferStats.Purpose.WHEEL);
    }

    /** The same as {@link #download(IndexFile)}: a verified local copy of a wheel, for {@code build}. */
    public Path fetchWheel(IndexFile file) {
        return download(file);
    }

    private Path download(IndexFile file, TransferStats.Purpose purpose) {
        if (isFile(file.url())) {
            Path p = Path.of(file.url());
            if (file.sha256() != null) {
                verifyLocal(p, file);
            }
            return p;
        }
        Path target = cache.wheelPath(file);
        return wheelOnce.get(IndexCache.fileKey(file), () -> {
            if (Files.isRegularFile(target) && cache.cachedWheelIntact(target, file.sha256())) {
                return target;
            }
            HttpResponse<InputStream> r = http.stream(file.url(), Map.of("Accept-Encoding", "identity"));
            try (InputStream body = r.body()) {
                if (r.statusCode() != 200) {
                    throw SimpleIndexSource.unexpected(file.url(), r.statusCode());
                }
                return store(file, body, purpose);
            } catch (IOException e) {
                throw new IndexUnavailableException("downloading " + RedactedUrl.of(file.url()) + " failed (" + dev.layerfit.error.ExceptionWords.describe(e)
                        + "); check the network and try again", e);
            }
        });
    }

    /**
     * The central directory of a wheel without downloading it: a file: URL (or a wheel already in the cache) opened
     * directly, an http(s) one by ranged reads of its tail (as for metadata), so only the end of the file is fetched.
     * For {@code plan}'s size predictions; the caller closes the index.
     */
    public ZipIndex wheelIndex(IndexFile file) throws IOException {
        if (isFile(file.url())) {
            return ZipIndex.open(Path.of(file.url()));
        }
        Path cached = cache.wheelPath(file);
        if (Files.isRegularFile(cached)) {
            return ZipIndex.open(cached);
        }
        RandomAccessSource source = rangedWheel(file);
        return ZipIndex.of(source, RedactedUrl.of(file.url()));
    }

    /**
     * A wheel on an http(s) index read by ranges from its tail; a server that ignores Range has the whole wheel
     * stored in the cache (verified) instead. Range traffic counts as metadata.
     */
    private RandomAccessSource rangedWheel(IndexFile file) {
        HttpRangeSource.Transport transport = new HttpRangeSource.Transport() {
            @Override
            public HttpRangeSource.Answer get(String range) {
                HttpResponse<InputStream> r = http.stream(file.url(), Map.of("Range", range, "Accept-Encoding", "identity"));
                return new HttpRangeSource.Answer(r.statusCode(), r.headers().firstValue("Content-Range").orElse(null), r.body());
            }

            @Override
            public void received(long bytes) {
                http.count(TransferStats.Purpose.METADATA, bytes);
            }
        };
        HttpRangeSource.Failures failures = new HttpRangeSource.Failures() {
            @Override
            public RuntimeException badAnswer(String sentence, int status) {
                return new BadIndexResponseException(sentence + "; check that the file exists on the index and that it serves "
                        + "range requests");
            }

            @Override
            public RuntimeException lost(String sentence, IOException cause) {
                return new IndexUnavailableException(sentence + "; check the network and try again", cause);
            }
        };
        return HttpRangeSource.open(transport, RedactedUrl.of(file.url()), TAIL_LENGTH, -1, body -> new HttpRangeSource.Stored(
                wheelOnce.get(IndexCache.fileKey(file), () -> store(file, body, TransferStats.Purpose.METADATA)), false), failures);
    }

    /** Streams a wheel body into the cache, verified; returns its path. */
    private Path store(IndexFile file, InputStream body, TransferStats.Purpose purpose) {
        Path target = cache.wheelPath(file);
        try {
            long bytes = cache.storeVerified(body, target, file.sha256(), RedactedUrl.of(file.url()));
            http.count(purpose, bytes);
            return target;
        } catch (IOException e) {
            throw new IndexUnavailableException("downloading " + RedactedUrl.of(file.url()) + " failed (" + dev.layerfit.error.ExceptionWords.describe(e)
                    + "); check the network and try again", e);
        }
    }

    private static void verifyLocal(Path p, IndexFile file) {
        try (InputStream in = Files.newInputStream(p)) {
            java.security.MessageDigest md = IndexCache.digest();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            String actual = java.util.HexFormat.of().formatHex(md.digest());
            if (!actual.equalsIgnoreCase(file.sha256())) {
                throw new HashMismatchException(p.toString(), file.sha256(), actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + p, e);
        }
    }

    private static boolean isFile(URI url) {
        return "file".equalsIgnoreCase(url.getScheme());
    }
}
