package dev.layerfit.pipeline;

import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.archive.DeterministicZipWriter;
import dev.layerfit.archive.WrittenZip;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.layer.SlimReport;
import dev.layerfit.layer.Slimmer;
import dev.layerfit.lock.IndexBuildRequirements;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.install.InstallResult;
import dev.layerfit.python.install.WheelInstaller;
import dev.layerfit.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The {@code build} pipeline: pin ─▶ (build cache hit? copy) ─▶ fetch wheels in parallel, hash-checked ─▶ install
 * ─▶ slim ─▶ deterministic zip ─▶ cache ─▶ copy to the output atomically. All work happens in a temporary folder
 * under the build cache, removed on failure and by a shutdown hook on Ctrl-C; the output path only ever receives a
 * whole zip by an atomic rename.
 */
public final class LayerBuilder {

    static final int FETCH_THREADS = 8;

    private final BuildCache cache;
    private final Progress progress;

    public LayerBuilder(BuildCache cache, Progress progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** A builder on {@code <cache root>/builds}. */
    public static LayerBuilder standard(Progress progress) {
        return new LayerBuilder(new BuildCache(CacheRoot.resolve("builds")), progress);
    }

    /**
     * Builds (or copies from the cache) the layer {@code request} describes.
     *
     * @throws LayerWriteException when writing fails (disk full, permissions); the output path is untouched
     */
    public BuildResult build(BuildRequest request) throws IOException {
        try {
            return buildOrCopy(request);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (dev.layerfit.io.FileWriteException e) {
            // the output's folder cannot take the file: AtomicFileWriter's sentence, and that the path is untouched
            String why = e.getMessage().replace("; choose another path", "");
            throw new LayerWriteException(why + "; nothing was written there: choose another path", e);
        } catch (IOException e) {
            throw new LayerWriteException("building " + request.output() + " failed (" + describe(e) + "); nothing was written "
                    + "there: free disk space or fix permissions and run again", e);
        }
    }

    private static String describe(IOException e) {
        return dev.layerfit.error.ExceptionWords.describe(e);
    }

    private BuildResult buildOrCopy(BuildRequest request) throws IOException {
        Map<String, Long> millis = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        IndexClient client = request.index().client(request.input());
        PinnedSet pins = Pinner.pin(request.input(), request.target(), request.index(), client);
        String key = BuildKey.of(pins, request);
        long t = lap(millis, "pin", t0);
        List<String> pinNames = pins.packages().stream().map(p -> p.pin().name() + "==" + p.pin().version()).toList();

        List<String> cacheNotes = new ArrayList<>();
        var hit = cache.lookup(key, cacheNotes);
        if (hit.isPresent()) {
            BuildResult r = hit.get();
            ImportCheck imports = null;
            if (request.verifyImports()) {
                imports = verifyCached(cache.zip(key), request);
                t = lap(millis, "verify", t);
            }
            if (imports == null || imports.skipped() != null || imports.passed()) {
                copyAtomically(cache.zip(key), request.output());
            }
            lap(millis, "copy", t);
            List<String> notes = new ArrayList<>(pins.warnings());
            notes.addAll(r.notes());
            return new BuildResult(request.output(), r.sha256(), r.unzippedBytes(), r.zippedBytes(), r.entries(), r.removed(),
                    r.packages(), notes, true, key, imports, millis);
        }

        Files.createDirectories(cache.dir());
        Path work = dev.layerfit.io.TempFiles.createFolder(cache.dir(), "tmp-");
        try {
            List<Path> wheels = fetch(pins, client);
            t = lap(millis, "download", t);
            InstallResult installed;
            try (Progress.Task task = progress.start("installing " + ByteSizeFormat.count(wheels.size(), "wheel"), 1)) {
                installed = WheelInstaller.install(wheels, work.resolve("layer"), request.layout());
                task.advance(1);
            }
            if (request.vendorDir() != null) {
                VendorFolder.copyInto(request.vendorDir(), installed.siteDir());
            }
            t = lap(millis, "install", t);
            SlimReport slim = Slimmer.apply(installed.siteDir(), request.slim());
            t = lap(millis, "slim", t);
            ImportCheck imports = null;
            if (request.verifyImports()) {
                imports = ImportVerifier.verify(installed.siteDir(), request.target().runtime().pythonVersion());
                t = lap(millis, "verify", t);
            }
            WrittenZip zip;
            try (Progress.Task task = progress.start("zipping", 1)) {
                zip = DeterministicZipWriter.create().withPrecompressed(new WheelDeflatedEntries(wheels, request.layout()))
                        .write(installed.layerRoot(), work.resolve("layer.zip"));
                task.advance(1);
            }
            t = lap(millis, "zip", t);
            List<String> notes = new ArrayList<>(pins.warnings());
            notes.addAll(cacheNotes);
            notes.addAll(slim.notes());
            notes.addAll(installed.notes());
            BuildResult result = new BuildResult(request.output(), zip.sha256(), zip.unzippedBytes(), zip.zippedBytes(),
                    zip.entries(), slim.removed(), pinNames, notes, false, key, imports, millis);
            Path cached = cache.store(key, zip.path(), result);
            if (imports == null || imports.skipped() != null || imports.passed()) {
                copyAtomically(cached, request.output());
            }
            lap(millis, "copy", t);
            return new BuildResult(request.output(), zip.sha256(), zip.unzippedBytes(), zip.zippedBytes(),
                    zip.entries(), slim.removed(), pinNames, notes, false, key, imports, millis);
        } finally {
            dev.layerfit.io.TempFiles.delete(work);
        }
    }

    private static long lap(Map<String, Long> millis, String step, long since) {
        long now = System.nanoTime();
        millis.merge(step, (now - since) / 1_000_000, Long::sum);
        return now;
    }

    /** Every pinned wheel as a verified local file, fetched in parallel, in pin order. */
    private List<Path> fetch(PinnedSet pins, IndexClient client) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(FETCH_THREADS, r -> {
            Thread th = new Thread(r, "layerfit-fetch");
            th.setDaemon(true);
            return th;
        });
        java.util.Optional<dev.layerfit.python.sdist.SdistBuilder> builder = pins.packages().stream()
                .anyMatch(p -> !p.pin().filename().endsWith(".whl"))
                ? IndexBuildRequirements.builder(client, dev.layerfit.cache.CacheRoot.get()) : java.util.Optional.empty();
        try (Progress.Task task = progress.start("downloading " + ByteSizeFormat.count(pins.packages().size(), "wheel"), pins.packages().size())) {
            List<Future<Path>> futures = new ArrayList<>();
            for (LockedPackage p : pins.packages()) {
                futures.add(pool.submit(() -> {
                    Path wheel = IndexBuildRequirements.wheelFor(PinnedSet.indexFile(p), client, builder, p.pin().name());
                    task.advance(1);
                    return wheel;
                }));
            }
            List<Path> wheels = new ArrayList<>();
            try {
                for (Future<Path> f : futures) {
                    wheels.add(Futures.await(f, "downloading wheels"));
                }
            } finally {
                futures.forEach(f -> f.cancel(true));
            }
            return wheels;
        } finally {
            dev.layerfit.io.PoolShutdown.stopAndWait(pool);
        }
    }

    /** Copies {@code from} to {@code to} through a temporary file in {@code to}'s folder and an atomic rename. */
    static void copyAtomically(Path from, Path to) throws IOException {
        // the one safe-output writer: refuses an output that is an input (-o requirements.txt), writes links through
        dev.layerfit.io.AtomicFileWriter.atomic().write(to, out -> Files.copy(from, out));
    }

    /** Extracts a cached layer into a temporary folder and checks its imports. */
    private ImportCheck verifyCached(Path zip, BuildRequest request) throws IOException {
        Path work = dev.layerfit.io.TempFiles.createFolder(cache.dir(), "tmp-");
        try {
            Path root = work.toRealPath();
            try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    Path dest = root.resolve(e.getName()).normalize();
                    if (!dest.startsWith(root)) {
                        throw new UncheckedIOException(new IOException("the cached layer " + zip + " has an entry outside its root"));
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(dest);
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(zin, dest);
                    }
                }
            }
            return ImportVerifier.verify(root.resolve(request.layout().sitePrefix()), request.target().runtime().pythonVersion());
        } finally {
            dev.layerfit.io.TempFiles.delete(work);
        }
    }
}
