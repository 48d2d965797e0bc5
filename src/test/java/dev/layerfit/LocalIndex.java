package dev.layerfit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's local PyPI index of real wheels (PEP 503 pages on disk), for tests that need real data.
 * Its simple roots come from {@code LAYERFIT_TEST_INDEX} (':'-separated folders) or default to the
 * folders pip's configuration names on the development machines. Tests call {@link #require()}: when
 * the index is absent the test is skipped with a message saying so, never passed silently.
 */
public final class LocalIndex {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)(?:#sha256=([0-9a-f]{64}))?\"");
    private static final List<Path> DEFAULT_ROOTS = List.of(Path.of("/opt/pypi/simple"), Path.of("/opt/pypi-more/simple"));

    private final List<Path> roots;

    private LocalIndex(List<Path> roots) {
        this.roots = roots;
    }

    /** The simple-index root folders that exist on this machine (possibly none). */
    public static LocalIndex find() {
        String env = System.getenv("LAYERFIT_TEST_INDEX");
        List<Path> candidates = env == null || env.isBlank() ? DEFAULT_ROOTS
                : Arrays.stream(env.split(":")).map(Path::of).toList();
        return new LocalIndex(candidates.stream().filter(Files::isDirectory).toList());
    }

    /** The index, or a skipped test that says the local index is missing. */
    public static LocalIndex require() {
        LocalIndex index = find();
        assumeTrue(!index.roots.isEmpty(), "SKIPPED: the local PyPI index (/opt/pypi/simple or LAYERFIT_TEST_INDEX) "
                + "is not on this machine; this test needs real wheels from it");
        return index;
    }

    public List<Path> roots() {
        return roots;
    }

    /** Every wheel file listed for a project (normalised name), across the roots. */
    public List<Path> wheels(String project) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            Path page = root.resolve(project).resolve("index.html");
            if (!Files.isRegularFile(page)) {
                continue;
            }
            try {
                Matcher m = HREF.matcher(Files.readString(page));
                while (m.find()) {
                    if (m.group(1).endsWith(".whl")) {
                        URI file = page.toUri().resolve(m.group(1));
                        Path p = Path.of(file);
                        if (Files.isRegularFile(p)) {
                            found.add(p);
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The first wheel of {@code project} whose file name starts with {@code prefix}; skips the test if none. */
    public Path wheel(String project, String prefix) {
        Path p = wheels(project).stream().filter(w -> w.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        assumeTrue(p != null, "SKIPPED: no wheel " + prefix + "* for " + project + " in the local index " + roots);
        return p;
    }
}
