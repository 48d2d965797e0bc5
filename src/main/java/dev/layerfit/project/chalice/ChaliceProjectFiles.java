package dev.layerfit.project.chalice;

import dev.layerfit.archive.DeterministicZipWriter.Source;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project files Chalice zips, walked as Chalice walks them (chalice/deploy/packager.py):
 * <ul>
 * <li>{@code app.py} and {@code chalicelib/} ({@code _iter_app_filenames}, {@code _iter_chalice_lib_if_needed}):
 * {@code os.walk} without {@code followlinks}, so a symlinked folder inside chalicelib/ is skipped, while a symlinked
 * file is stored with its target's bytes ({@code ZipFile.write} reads through links);</li>
 * <li>{@code vendor/} ({@code _add_vendor_files}): {@code os.walk(followlinks=True)}: symlinked folders are
 * followed. A link back to a folder that contains it would make that walk endless, so it is refused here.</li>
 * </ul>
 * Each folder's files come before its subfolders (os.walk is top-down), names sorted (os.walk's order is the file
 * system's; the zip's sizes do not depend on it).
 */
public final class ChaliceProjectFiles {

    private ChaliceProjectFiles() {
    }

    /** {@code app.py} then chalicelib/'s files, named as in the zip. */
    public static List<Source> appFiles(Path projectDir) {
        Path app = projectDir.resolve("app.py");
        if (!Files.isRegularFile(app)) {
            throw new BadInputException(Files.exists(app, LinkOption.NOFOLLOW_LINKS)
                    ? app + " is a broken link or not a file; Chalice zips app.py and fails without it"
                    : "no app.py in " + projectDir + "; a Chalice project needs one (Chalice zips it into every function)");
        }
        requireReadable(app);
        List<Source> out = new ArrayList<>();
        out.add(new Source("app.py", app));
        Path lib = projectDir.resolve("chalicelib");
        if (Files.isDirectory(lib)) {
            walk(lib, "chalicelib/", false, new HashSet<>(), out);
        }
        return out;
    }

    /** vendor/'s files, named relative to vendor/ (the caller adds the layer prefix), links followed. */
    public static List<Source> vendorFiles(Path projectDir) {
        Path vendor = projectDir.resolve("vendor");
        List<Source> out = new ArrayList<>();
        if (Files.isDirectory(vendor)) {
            Set<Path> ancestors = new HashSet<>();
            ancestors.add(realPath(vendor));
            walk(vendor, "", true, ancestors, out);
        }
        return out;
    }

    private static void walk(Path dir, String prefix, boolean followLinks, Set<Path> ancestors, List<Source> out) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + " (" + e.getMessage() + "); fix its permissions: Chalice zips it", e);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<Path> folders = new ArrayList<>();
        for (Path child : children) {
            boolean link = Files.isSymbolicLink(child);
            if (Files.isDirectory(child)) {
                if (!link || followLinks) {
                    folders.add(child);
                }
            } else if (Files.isRegularFile(child)) {
                requireReadable(child);
                out.add(new Source(prefix + child.getFileName(), child));
            } else if (link && !Files.exists(child)) {
                throw new BadInputException(child + " is a broken symbolic link; Chalice's packager stops on it (zipfile "
                        + "cannot read it): remove the link or restore its target");
            } else {
                // os.walk lists a FIFO, socket or device as a file and ZipFile.write then blocks or fails on it
                throw new BadInputException(child + " is not a regular file (a FIFO, socket or device); Chalice's packager "
                        + "would hang or fail reading it into the zip: remove it");
            }
        }
        for (Path folder : folders) {
            Path real = realPath(folder);
            if (ancestors.contains(real)) {
                throw new BadInputException(folder + " links back to " + real + ", a folder that contains it: Chalice walks "
                        + "vendor/ following links and would loop; remove the link");
            }
            ancestors.add(real);
            walk(folder, prefix + folder.getFileName() + "/", followLinks, ancestors, out);
            ancestors.remove(real);
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + p, e);
        }
    }

    private static void requireReadable(Path file) {
        if (!Files.isReadable(file)) {
            throw new BadInputException("cannot read " + file + "; Chalice zips it, so fix its permissions");
        }
    }
}
