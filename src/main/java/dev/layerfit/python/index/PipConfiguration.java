package dev.layerfit.python.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * pip's configuration (pip 24 {@code configuration.py}), so layerfit finds the same indexes pip finds; the home
 * folder is {@code $HOME} as pip finds it ({@link UserHome}).
 *
 * <p>Files, lowest precedence first: global ({@code $XDG_CONFIG_DIRS/pip/pip.conf} for each folder, default
 * {@code /etc/xdg}, then {@code /etc/pip.conf}); user ({@code ~/.pip/pip.conf}, then
 * {@code $XDG_CONFIG_HOME/pip/pip.conf}, default {@code ~/.config}), skipped when {@code PIP_CONFIG_FILE}
 * names an existing file; site ({@code $VIRTUAL_ENV/pip.conf}); then {@code PIP_CONFIG_FILE}. When
 * {@code PIP_CONFIG_FILE} is {@code /dev/null} no file is read. A key's value comes from, in rising
 * precedence, the {@code [global]} section, the {@code [install]} section, then the {@code PIP_<KEY>}
 * environment variable; within a section a later file wins.
 */
public final class PipConfiguration {

    private final Map<String, String> global;
    private final Map<String, String> install;
    private final Map<String, String> environment;
    private final List<Path> files;

    private PipConfiguration(Map<String, String> global, Map<String, String> install, Map<String, String> environment,
            List<Path> files) {
        this.global = global;
        this.install = install;
        this.environment = environment;
        this.files = files;
    }

    /** pip's configuration for this process: the real environment and home folder. */
    public static PipConfiguration load() throws IOException {
        return load(System.getenv(), UserHome.get(), Path.of("/"));
    }

    /**
     * pip's configuration for the given environment variables, home folder and file-system root (the global
     * files are {@code <root>/etc/...}); tests pass a temp folder for both.
     */
    public static PipConfiguration load(Map<String, String> env, Path home, Path root) throws IOException {
        return fromFiles(candidateFiles(env, home, root), env);
    }

    /** The files pip would read, lowest precedence first (they may not exist). */
    public static List<Path> candidateFiles(Map<String, String> env, Path home, Path root) {
        String envFile = env.get("PIP_CONFIG_FILE");
        if ("/dev/null".equals(envFile) || "nul".equalsIgnoreCase(String.valueOf(envFile))) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        String xdgDirs = env.getOrDefault("XDG_CONFIG_DIRS", "");
        for (String dir : (xdgDirs.isBlank() ? "/etc/xdg" : xdgDirs).split(":")) {
            if (!dir.isBlank()) {
                files.add(under(root, dir).resolve("pip").resolve("pip.conf"));
            }
        }
        files.add(under(root, "/etc").resolve("pip.conf"));
        boolean envFileExists = envFile != null && Files.exists(Path.of(envFile));
        if (!envFileExists) {
            files.add(home.resolve(".pip").resolve("pip.conf"));
            String xdgHome = env.get("XDG_CONFIG_HOME");
            Path configHome = xdgHome == null || xdgHome.isBlank() ? home.resolve(".config") : Path.of(xdgHome);
            files.add(configHome.resolve("pip").resolve("pip.conf"));
        }
        String venv = env.get("VIRTUAL_ENV");
        if (venv != null && !venv.isBlank()) {
            files.add(Path.of(venv).resolve("pip.conf"));
        }
        if (envFile != null) {
            files.add(Path.of(envFile));
        }
        return files;
    }

    private static Path under(Path root, String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    /** Reads the existing ones of {@code files} (lowest precedence first) and the {@code PIP_*} variables of {@code env}. */
    public static PipConfiguration fromFiles(List<Path> files, Map<String, String> env) throws IOException {
        Map<String, String> global = new LinkedHashMap<>();
        Map<String, String> install = new LinkedHashMap<>();
        List<Path> read = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            read.add(file);
            Map<String, Map<String, String>> sections = IniFile.parse(dev.layerfit.io.InputFiles.readUtf8(file, "the pip configuration file"), file.toString());
            global.putAll(sections.getOrDefault("global", Map.of()));
            install.putAll(sections.getOrDefault("install", Map.of()));
        }
        Map<String, String> fromEnv = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("PIP_") && k.length() > 4 && !k.equals("PIP_CONFIG_FILE")) {
                fromEnv.put(normalizeKey(k.substring(4)), v);
            }
        });
        return new PipConfiguration(global, install, fromEnv, List.copyOf(read));
    }

    /** pip's {@code _normalize_name}: lower case, {@code _} as {@code -}, leading {@code --} dropped. */
    static String normalizeKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        return k.startsWith("--") ? k.substring(2) : k;
    }

    /** The effective value of a key (e.g. {@code index-url}), after precedence. */
    public Optional<String> get(String key) {
        String k = normalizeKey(key);
        if (environment.containsKey(k)) {
            return Optional.of(environment.get(k));
        }
        if (install.containsKey(k)) {
            return Optional.of(install.get(k));
        }
        return Optional.ofNullable(global.get(k));
    }

    /** A list-valued key (extra-index-url, find-links): the effective value split on whitespace, as pip does. */
    public List<String> getList(String key) {
        return get(key).map(v -> List.of(v.strip().split("\\s+"))).filter(l -> !l.get(0).isEmpty()).orElse(List.of());
    }

    /** The configuration files that existed and were read, lowest precedence first. */
    public List<Path> files() {
        return files;
    }

    /** Every effective key in pip's {@code pip config list} form ({@code global.key}, {@code install.key}, {@code :env:.key}). */
    public Map<String, String> asPipConfigList() {
        Map<String, String> out = new java.util.TreeMap<>();
        global.forEach((k, v) -> out.put("global." + k, v));
        install.forEach((k, v) -> out.put("install." + k, v));
        environment.forEach((k, v) -> out.put(":env:." + k, v));
        return out;
    }

    /** The index options this configuration sets (the default index when none is configured). */
    public IndexOptions indexOptions() {
        boolean noIndex = get("no-index").map(PipConfiguration::truthy).orElse(false);
        return new IndexOptions(get("index-url").map(String::strip).orElse(IndexOptions.DEFAULT_INDEX_URL),
                getList("extra-index-url"), getList("find-links"), noIndex);
    }

    private static boolean truthy(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "y", "yes", "t", "true", "on" -> true;
            default -> false;
        };
    }
}
