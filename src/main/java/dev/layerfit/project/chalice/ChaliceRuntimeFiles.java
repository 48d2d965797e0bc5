package dev.layerfit.project.chalice;

import dev.layerfit.archive.DeterministicZipWriter;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.io.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two Chalice files every function zip carries: {@code _iter_app_filenames} (chalice/deploy/packager.py)
 * writes {@code inspect.getfile(chalice.app)} as {@code chalice/app.py} and {@code inspect.getfile(chalice)} as
 * {@code chalice/__init__.py} — the files of the Chalice that runs the deploy. When that Chalice is installed for
 * the deploying {@code python3}, its own files are used; otherwise files of the known size of the version pinned in
 * requirements.txt, or of the newest release layerfit knows, stand in (their bytes, and so their zipped size, are
 * not Chalice's, only their length).
 *
 * @param version  the Chalice version counted
 * @param files    the {@code chalice/app.py} and {@code chalice/__init__.py} sources
 * @param real     true when they are the installed Chalice's own files
 * @param note     how the version was chosen, or null when nothing needs saying
 */
public record ChaliceRuntimeFiles(String version, List<DeterministicZipWriter.Source> files, boolean real, String note) {

    /** The newest Chalice release whose file sizes layerfit knows. */
    public static final String NEWEST_KNOWN = "1.32.0";

    /**
     * Sizes in bytes of {@code chalice/app.py} and {@code chalice/__init__.py} by release. Source: aws/chalice on
     * GitHub — chalice/app.py at commit a33863e29d249b4c04550659c2cc74bd1d54509a ({@code __version__ = '1.32.0'}):
     * 90,370 bytes (ASCII); chalice/__init__.py at commit 7c37121def9d5edd0aa0aac0be84a6b9226f576d (unchanged
     * since 1.24): 548 bytes.
     */
    static final Map<String, long[]> KNOWN_SIZES = Map.of(NEWEST_KNOWN, new long[] {90_370, 548});

    private static final Pattern PIN = Pattern.compile("(?im)^\\s*chalice\\s*(?:\\[[^\\]]*\\])?\\s*===?\\s*([0-9][0-9a-z.]*)");

    /** The files for a project whose requirements are {@code requirements} deployed from {@code machine}. */
    public static ChaliceRuntimeFiles of(Path requirements, DeployingMachine machine) {
        if (machine != null && machine.chaliceFiles().size() == 2 && machine.chaliceFiles().stream().allMatch(Files::isRegularFile)) {
            return new ChaliceRuntimeFiles(machine.chaliceVersion(), List.of(
                    new DeterministicZipWriter.Source("chalice/app.py", machine.chaliceFiles().get(0)),
                    new DeterministicZipWriter.Source("chalice/__init__.py", machine.chaliceFiles().get(1))), true,
                    null);
        }
        String pinned = pinnedVersion(requirements);
        if (pinned != null && KNOWN_SIZES.containsKey(pinned)) {
            return synthetic(pinned, "Chalice " + pinned + " (pinned in requirements.txt) is not installed for python3 here, so its"
                    + " runtime files are counted at their known sizes");
        }
        String why = pinned != null
                ? "requirements.txt pins Chalice " + pinned + ", whose runtime file sizes layerfit does not know; counted those of "
                        + NEWEST_KNOWN + ", the newest release it knows"
                : "the Chalice version is not in requirements.txt and Chalice is not installed for python3 here; counted the runtime"
                        + " files of Chalice " + NEWEST_KNOWN + ", the newest release layerfit knows";
        return synthetic(NEWEST_KNOWN, why);
    }

    static String pinnedVersion(Path requirements) {
        if (requirements == null || !Files.isRegularFile(requirements)) {
            return null;
        }
        try {
            Matcher m = PIN.matcher(dev.layerfit.io.InputFiles.readUtf8(requirements, "the requirements file"));
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Stand-in files of the release's sizes, written once into the cache. */
    static ChaliceRuntimeFiles synthetic(String version, String note) {
        long[] sizes = KNOWN_SIZES.get(version);
        Path dir = CacheRoot.resolve("chalice-runtime").resolve(version);
        Path app = standIn(dir.resolve("app.py"), sizes[0]);
        Path init = standIn(dir.resolve("__init__.py"), sizes[1]);
        return new ChaliceRuntimeFiles(version, List.of(new DeterministicZipWriter.Source("chalice/app.py", app),
                new DeterministicZipWriter.Source("chalice/__init__.py", init)), false, note);
    }

    private static Path standIn(Path file, long size) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == size) {
                return file;
            }
            Files.createDirectories(file.getParent());
            StringBuilder sb = new StringBuilder((int) size);
            String line = "# layerfit stand-in for a Chalice runtime file of this exact length\n";
            while (sb.length() < size) {
                sb.append(line);
            }
            sb.setLength((int) size);
            AtomicFileWriter.atomic().write(file, sb.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + " in layerfit's cache", e);
        }
    }

    /** What decides these files' bytes, for cache keys. */
    public String digestText() {
        StringBuilder sb = new StringBuilder("chalice ").append(version).append(real ? " real" : " stand-in");
        for (DeterministicZipWriter.Source s : files) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                sb.append(' ').append(java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(s.file()))));
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot read " + s.file(), e);
            }
        }
        return sb.toString();
    }
}
