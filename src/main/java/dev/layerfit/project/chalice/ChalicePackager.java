package dev.layerfit.project.chalice;

import dev.layerfit.archive.DeterministicZipWriter;
import dev.layerfit.archive.DeterministicZipWriter.Source;
import dev.layerfit.archive.WrittenZip;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.pipeline.BuildCache;
import dev.layerfit.pipeline.BuildResult;
import dev.layerfit.python.index.IndexFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the zips Chalice's packagers build (chalice/deploy/packager.py), into layerfit's build cache:
 * <ul>
 * <li>{@link Kind#FUNCTION}: {@code LambdaDeploymentPackager.create_deployment_package} — the installed
 * requirements at the zip root ({@code _add_py_deps}, which skips a top-level {@code chalice/}), then
 * {@code _add_app_files} (chalice/app.py, chalice/__init__.py, app.py, chalicelib/), then {@code _add_vendor_files};</li>
 * <li>{@link Kind#APP_ONLY}: {@code AppOnlyDeploymentPackager} — only {@code _add_app_files};</li>
 * <li>{@link Kind#MANAGED_LAYER}: {@code LayerDeploymentPackager} — requirements then vendor/ under
 * {@code python/lib/pythonX.Y/site-packages}; a layer whose files total 0 bytes is dropped
 * ({@code _check_valid_package} raises {@code EmptyPackageError}, and {@code ManagedLayerDeploymentPackager}
 * removes the layer from the function).</li>
 * </ul>
 * Requirements are installed as {@code DependencyBuilder._install_wheels} installs them: every wheel unzipped
 * whole (its {@code .dist-info} as shipped: no INSTALLER, no RECORD rewrite), then
 * {@code _install_purelib_and_platlib} moves {@code NAME-VER.data/purelib} and {@code platlib} to the root and
 * leaves the other {@code .data} folders in place. A vendor/ file at a path a requirement also installs is written
 * a second time ({@code ZipFile.write} stores duplicate names): both entries count. Only file entries, no folders.
 * The cache key holds everything that decides the bytes, the runtime included, so checks for different runtimes
 * never share or overwrite a zip.
 */
public final class ChalicePackager {

    /** Which of Chalice's packagers. */
    public enum Kind { FUNCTION, APP_ONLY, MANAGED_LAYER }

    /** Fetches a wheel to a local file (the index client's verified download). */
    @FunctionalInterface
    public interface WheelFetcher {
        Path fetch(IndexFile wheel);
    }

    /**
     * A built zip.
     *
     * @param zip           the zip in the build cache
     * @param unzippedBytes the sum of its entries' sizes
     * @param zippedBytes   its length
     * @param entries       its entries (files only; duplicates included)
     * @param duplicates    names stored twice (vendor/ over a requirement's file), each once
     * @param cached        true when it came from the cache
     */
    public record Built(Path zip, long unzippedBytes, long zippedBytes, int entries, List<String> duplicates, boolean cached) {

        public Built {
            duplicates = List.copyOf(duplicates);
        }
    }

    private static final String DUPLICATE = "duplicate entry: ";

    private final BuildCache cache;
    private final String toolVersion;

    public ChalicePackager(BuildCache cache, String toolVersion) {
        this.cache = cache;
        this.toolVersion = toolVersion;
    }

    /**
     * The zip {@code kind} of Chalice's packagers makes for {@code projectDir}, or empty for a managed layer Chalice
     * drops because it holds no bytes.
     */
    public Optional<Built> build(Kind kind, Path projectDir, ChaliceDependencyBuilder.Plan plan, PythonRuntime runtime,
            ChaliceRuntimeFiles runtimeFiles, WheelFetcher fetcher) throws IOException {
        List<Source> app = kind == Kind.MANAGED_LAYER ? List.of() : appSources(projectDir, runtimeFiles);
        List<Source> vendor = kind == Kind.APP_ONLY ? List.of() : ChaliceProjectFiles.vendorFiles(projectDir);
        List<ChaliceDependencyBuilder.Wheel> wheels = kind == Kind.APP_ONLY ? List.of() : plan.wheels();
        String prefix = kind == Kind.MANAGED_LAYER ? "python/lib/python" + runtime.pythonVersion() + "/site-packages/" : "";
        String key = key(kind, runtime, prefix, wheels, app, vendor, runtimeFiles);
        Optional<BuildResult> hit = cache.lookup(key);
        if (hit.isPresent()) {
            BuildResult r = hit.get();
            if (r.entries() == 0) {
                return Optional.empty();
            }
            List<String> dups = r.notes().stream().filter(n -> n.startsWith(DUPLICATE)).map(n -> n.substring(DUPLICATE.length())).toList();
            return Optional.of(new Built(cache.zip(key), r.unzippedBytes(), r.zippedBytes(), r.entries(), dups, true));
        }
        Files.createDirectories(cache.dir());
        Path work = dev.layerfit.io.TempFiles.createFolder(cache.dir(), "tmp-chalice-");
        try {
            Path site = work.resolve("site");
            Files.createDirectories(site);
            for (ChaliceDependencyBuilder.Wheel w : wheels) {
                Path file = w.local() != null ? w.local() : fetcher.fetch(w.file());
                install(file, w.name(), site);
            }
            List<Source> all = new ArrayList<>();
            for (Source s : siteSources(site)) {
                all.add(new Source(prefix + s.name(), s.file()));
            }
            all.addAll(app);
            for (Source s : vendor) {
                all.add(new Source(prefix + s.name(), s.file()));
            }
            long total = 0;
            for (Source s : all) {
                total += Files.size(s.file());
            }
            if (kind == Kind.MANAGED_LAYER && total == 0) {
                Path empty = work.resolve("empty.zip");
                WrittenZip z = DeterministicZipWriter.create().writeFiles(List.of(), empty);
                cache.store(key, z.path(), new BuildResult(cache.zip(key), z.sha256(), 0, z.zippedBytes(), 0, List.of(), List.of(),
                        List.of(), false, key, null, Map.of()));
                return Optional.empty();
            }
            List<String> duplicates = duplicates(all);
            WrittenZip z = DeterministicZipWriter.create().writeFiles(all, work.resolve("package.zip"));
            List<String> notes = duplicates.stream().map(d -> DUPLICATE + d).toList();
            List<String> packages = wheels.stream().map(w -> w.name() + "==" + w.version()).toList();
            Path stored = cache.store(key, z.path(), new BuildResult(cache.zip(key), z.sha256(), z.unzippedBytes(), z.zippedBytes(),
                    z.entries(), List.of(), packages, notes, false, key, null, Map.of()));
            return Optional.of(new Built(stored, z.unzippedBytes(), z.zippedBytes(), z.entries(), duplicates, false));
        } finally {
            dev.layerfit.io.TempFiles.delete(work);
        }
    }

    private static List<Source> appSources(Path projectDir, ChaliceRuntimeFiles runtimeFiles) {
        List<Source> out = new ArrayList<>(runtimeFiles.files());
        out.addAll(ChaliceProjectFiles.appFiles(projectDir));
        return out;
    }

    private static List<String> duplicates(List<Source> all) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        LinkedHashSet<String> twice = new LinkedHashSet<>();
        for (Source s : all) {
            if (!seen.add(s.name())) {
                twice.add(s.name());
            }
        }
        return List.copyOf(twice);
    }

    /** Unzips a wheel whole into {@code site}, then moves its {@code .data/purelib|platlib} up, as Chalice does. */
    static void install(Path wheel, String name, Path site) throws IOException {
        Path root = site.toRealPath();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path dest = root.resolve(e.getName()).normalize();
                if (!dest.startsWith(root) || e.getName().startsWith("/")) {
                    throw new BadInputException("the wheel " + wheel.getFileName() + " has an entry outside its root (" + e.getName()
                            + "); it cannot be installed");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new BadInputException("the wheel " + wheel.getFileName() + " is not a readable zip (" + e.getMessage() + ")", e);
        }
        Path data = dataDir(root, name);
        if (data == null) {
            return;
        }
        for (String sub : List.of("purelib", "platlib")) {
            Path from = data.resolve(sub);
            if (Files.isDirectory(from)) {
                moveTree(from, root);
            }
        }
    }

    /** {@code Package.matches_data_dir}: a top-level {@code NAME-VERSION.data} whose normalised name is the wheel's. */
    private static Path dataDir(Path root, String name) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (n.endsWith(".data") && n.contains("-") && Files.isDirectory(p)) {
                    String dist = n.substring(0, n.indexOf('-'));
                    if (dist.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT).equals(name)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** {@code copytree(source, root)} then {@code rmtree(source)}. */
    private static void moveTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Path dest = to.resolve(from.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
        }
        dev.layerfit.io.TempFiles.delete(from);
    }

    /** {@code _add_py_deps}: every file below {@code site} except a top-level {@code chalice/}. */
    private static List<Source> siteSources(Path site) throws IOException {
        List<Source> out = new ArrayList<>();
        walkSite(site, "", out, true);
        return out;
    }

    private static void walkSite(Path dir, String prefix, List<Source> out, boolean top) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<Path> folders = new ArrayList<>();
        for (Path c : children) {
            if (Files.isDirectory(c)) {
                if (!(top && c.getFileName().toString().equals("chalice"))) {
                    folders.add(c);
                }
            } else if (Files.isRegularFile(c)) {
                out.add(new Source(prefix + c.getFileName(), c));
            }
        }
        for (Path f : folders) {
            walkSite(f, prefix + f.getFileName() + "/", out, false);
        }
    }

    private String key(Kind kind, PythonRuntime runtime, String prefix, List<ChaliceDependencyBuilder.Wheel> wheels, List<Source> app,
            List<Source> vendor, ChaliceRuntimeFiles runtimeFiles) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder("layerfit-chalice-package 1\n");
        sb.append("version ").append(toolVersion).append('\n');
        sb.append("kind ").append(kind).append(" runtime ").append(runtime.name()).append(' ').append(runtime.pythonVersion())
                .append(" prefix ").append(prefix).append('\n');
        for (ChaliceDependencyBuilder.Wheel w : wheels) {
            sb.append("wheel ").append(w.name()).append("==").append(w.version()).append(' ').append(w.file().filename())
                    .append(" sha256:").append(w.local() != null ? sha256(md, w.local()) : w.file().sha256()).append('\n');
        }
        if (!app.isEmpty()) {
            sb.append(runtimeFiles.digestText()).append('\n');
        }
        for (Source s : app) {
            sb.append("app ").append(s.name()).append(' ').append(sha256(md, s.file())).append('\n');
        }
        for (Source s : vendor) {
            sb.append("vendor ").append(s.name()).append(' ').append(sha256(md, s.file())).append('\n');
        }
        md.reset();
        return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(MessageDigest md, Path file) {
        md.reset();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
