package dev.layerfit.python.index;

import dev.layerfit.io.TomlTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * uv's index settings, where uv users keep them (uv's "Configuration files" and "Environment variables" docs):
 * the project's {@code uv.toml}, or {@code [tool.uv]} of its {@code pyproject.toml}, found in the folder or the
 * nearest parent (a {@code uv.toml} wins over a {@code pyproject.toml} in the same folder); else the user's
 * {@code $XDG_CONFIG_HOME/uv/uv.toml} ({@code ~/.config/uv/uv.toml}); else the system's
 * {@code $XDG_CONFIG_DIRS/uv/uv.toml} ({@code /etc/uv/uv.toml}). {@code UV_CONFIG_FILE} names the one file to read,
 * {@code UV_NO_CONFIG} turns files off. Keys: {@code index-url}, {@code extra-index-url}, {@code find-links},
 * {@code no-index}, {@code [[index]]} ({@code url}, {@code default = true} for the main index, {@code explicit}
 * indexes skipped, {@code format = "flat"} as find-links), also under {@code [pip]}. Then the variables
 * {@code UV_INDEX_URL}/{@code UV_DEFAULT_INDEX} (main index), {@code UV_EXTRA_INDEX_URL} and {@code UV_INDEX}
 * (space-separated, {@code name=url} allowed), {@code UV_FIND_LINKS} (comma-separated), {@code UV_NO_INDEX}.
 *
 * <p>Applied over pip's configuration: a main index replaces pip's, further indexes and find-links add to pip's.
 */
public final class UvConfiguration {

    private String indexUrl;
    private final List<String> extraIndexUrls = new ArrayList<>();
    private final List<String> findLinks = new ArrayList<>();
    private boolean noIndex;
    private Path file;

    private UvConfiguration() {
    }

    /** uv's settings for this process, the project found from {@code projectDir}. */
    public static UvConfiguration load(Path projectDir) throws IOException {
        return load(System.getenv(), UserHome.get(), projectDir, Path.of("/"));
    }

    /** uv's settings for the given environment, home, project folder and file-system root (tests pass temp folders). */
    public static UvConfiguration load(Map<String, String> env, Path home, Path projectDir, Path root) throws IOException {
        UvConfiguration c = new UvConfiguration();
        if (!truthy(env.get("UV_NO_CONFIG"))) {
            String named = env.get("UV_CONFIG_FILE");
            if (named != null && !named.isBlank()) {
                c.readFile(Path.of(named), false);
            } else if (!c.readProject(projectDir)) {
                String xdg = env.get("XDG_CONFIG_HOME");
                Path user = (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("uv/uv.toml");
                if (Files.isRegularFile(user)) {
                    c.readFile(user, false);
                } else {
                    String dirs = env.getOrDefault("XDG_CONFIG_DIRS", "");
                    for (String dir : (dirs.isBlank() ? root.resolve("etc").toString() : dirs).split(":")) {
                        Path system = Path.of(dir).resolve("uv/uv.toml");
                        if (Files.isRegularFile(system)) {
                            c.readFile(system, false);
                            break;
                        }
                    }
                }
            }
        }
        c.readEnvironment(env);
        return c;
    }

    /** The file the settings came from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Whether uv's configuration says anything about indexes. */
    public boolean isEmpty() {
        return indexUrl == null && extraIndexUrls.isEmpty() && findLinks.isEmpty() && !noIndex;
    }

    /** pip's options with these applied over them. */
    public IndexOptions applyTo(IndexOptions pip) {
        if (isEmpty()) {
            return pip;
        }
        List<String> extras = new ArrayList<>(pip.extraIndexUrls());
        extraIndexUrls.stream().filter(u -> !extras.contains(u)).forEach(extras::add);
        List<String> links = new ArrayList<>(pip.findLinks());
        findLinks.stream().filter(u -> !links.contains(u)).forEach(links::add);
        return new IndexOptions(indexUrl == null ? pip.indexUrl() : indexUrl, extras, links, pip.noIndex() || noIndex);
    }

    private boolean readProject(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("uv.toml"))) {
                readFile(d.resolve("uv.toml"), false);
                return true;
            }
            Path pyproject = d.resolve("pyproject.toml");
            if (Files.isRegularFile(pyproject)) {
                String text = dev.layerfit.io.InputFiles.readUtf8(pyproject, "the pyproject.toml");
                if (text.contains("[tool.uv")) {
                    readFile(pyproject, true);
                    return true;
                }
            }
        }
        return false;
    }

    private void readFile(Path path, boolean pyproject) throws IOException {
        TomlTable doc = TomlTable.parse(dev.layerfit.io.InputFiles.readUtf8(path, "the uv configuration"), path.toString());
        TomlTable settings = pyproject ? doc.table("tool").flatMap(t -> t.table("uv")).orElse(null) : doc;
        if (settings == null) {
            return;
        }
        file = path;
        read(settings);
        settings.table("pip").ifPresent(this::read);
    }

    private void read(TomlTable t) {
        t.string("index-url").ifPresent(u -> indexUrl = u);
        t.strings("extra-index-url").forEach(extraIndexUrls::add);
        t.strings("find-links").forEach(findLinks::add);
        t.bool("no-index").ifPresent(b -> noIndex |= b);
        for (TomlTable index : t.tables("index")) {
            String url = index.requiredString("url");
            if (index.bool("explicit").orElse(false)) {
                continue;
            }
            if ("flat".equals(index.string("format").orElse(null))) {
                findLinks.add(url);
            } else if (index.bool("default").orElse(false)) {
                indexUrl = url;
            } else {
                extraIndexUrls.add(url);
            }
        }
    }

    private void readEnvironment(Map<String, String> env) {
        for (String key : List.of("UV_INDEX_URL", "UV_DEFAULT_INDEX")) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                indexUrl = stripName(v.strip());
            }
        }
        for (String key : List.of("UV_EXTRA_INDEX_URL", "UV_INDEX")) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                for (String u : v.strip().split("\\s+")) {
                    extraIndexUrls.add(stripName(u));
                }
            }
        }
        String links = env.get("UV_FIND_LINKS");
        if (links != null && !links.isBlank()) {
            for (String u : links.split(",")) {
                findLinks.add(u.strip());
            }
        }
        noIndex |= truthy(env.get("UV_NO_INDEX"));
    }

    /** {@code name=https://...}: uv's named index form; the URL is what counts here. */
    private static String stripName(String v) {
        int eq = v.indexOf('=');
        int scheme = v.indexOf("://");
        return eq > 0 && (scheme < 0 || eq < scheme) ? v.substring(eq + 1) : v;
    }

    private static boolean truthy(String v) {
        return v != null && switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }
}
