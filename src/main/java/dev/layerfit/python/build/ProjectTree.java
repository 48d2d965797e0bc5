package dev.layerfit.python.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A project's source tree as {@code --with-project} builds it: its regular files, without what is not source —
 * version-control folders, virtual environments (any folder with a {@code pyvenv.cfg}), caches, {@code node_modules},
 * {@code *.egg-info}, and the top-level {@code build/} and {@code dist/} that earlier builds left (pip's in-tree
 * builds write the same folders; here the build runs on a copy, so the user's tree is never written). Symbolic links
 * are left out, as in an sdist unpacked by {@link SdistArchive}.
 */
final class ProjectTree {

    /** Folder names left out at any depth. */
    private static final Set<String> NOT_SOURCE = Set.of(".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules",
            ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".idea", ".vscode", ".aws-sam", ".serverless");
    /** Folder names left out at the top only (earlier builds' output). */
    private static final Set<String> TOP_OUTPUT = Set.of("build", "dist");

    private ProjectTree() {
    }

    /** The source files under {@code root}, as paths relative to it, sorted. */
    static List<Path> files(Path root) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(root::relativize)
                    .filter(rel -> isSource(root, rel)).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the project folder " + root, e);
        }
        out.sort(null);
        return out;
    }

    private static boolean isSource(Path root, Path rel) {
        Path dir = root;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String name = rel.getName(i).toString();
            dir = dir.resolve(name);
            if (NOT_SOURCE.contains(name) || name.endsWith(".egg-info") || (i == 0 && TOP_OUTPUT.contains(name))
                    || Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
                return false;
            }
        }
        return true;
    }

    /** The sha256 over every source file's relative path and bytes: the key of the wheel built from it. */
    static String sha256(Path root) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Path rel : files(root)) {
                md.update(rel.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(root.resolve(rel))) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the project folder " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the source files under {@code into}; returns {@code into}. */
    static Path copy(Path root, Path into) throws IOException {
        Files.createDirectories(into);
        for (Path rel : files(root)) {
            Path dest = into.resolve(rel.toString());
            Files.createDirectories(dest.getParent());
            Files.copy(root.resolve(rel), dest);
        }
        return into;
    }
}
