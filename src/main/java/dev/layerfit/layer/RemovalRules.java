package dev.layerfit.layer;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from site-relative paths alone, which rule removes each file (the first rule that claims it, in the
 * order below); shared by {@link Slimmer#apply} and {@link Slimmer#dryRun}. Never removed: files matching a
 * {@code --keep} glob, and files in {@code *.dist-info/} (except those of a left-out AWS SDK distribution).
 * <ol>
 * <li>{@code aws-sdk} (aggressive): {@code boto3/ botocore/ s3transfer/ jmespath/} and their dist-info;</li>
 * <li>{@code exclude}: {@code --exclude} globs;</li>
 * <li>{@code discovery}: {@code googleapiclient/discovery_cache/documents/*.json} not named by {@code --keep-discovery};</li>
 * <li>{@code tests} (safe): files under a folder named {@code tests} or {@code test} that no other module imports
 * (the import check is given by the caller: see {@link ImportScan});</li>
 * <li>{@code docs} (safe): files under a {@code docs}, {@code doc}, {@code examples} or {@code example} folder inside a
 * package, when that folder is not itself a package (no {@code __init__.py}) and is not imported;</li>
 * <li>{@code type-stubs} (safe): {@code *.pyi};</li>
 * <li>{@code bytecode} (safe): {@code __pycache__/*.pyc} whose {@code cpython-3X} tag is not the target's,
 * {@code *.pyo}, and a legacy {@code x.pyc} next to its {@code x.py} (Python 3 never loads it); a sourceless
 * {@code x.pyc} is a module and stays.</li>
 * </ol>
 */
final class RemovalRules {

    static final List<String> RULE_ORDER = List.of("aws-sdk", "exclude", "discovery", "tests", "docs", "type-stubs", "bytecode");
    static final Set<String> AWS_SDK = Set.of("boto3", "botocore", "s3transfer", "jmespath");
    private static final Set<String> TEST_FOLDERS = Set.of("tests", "test");
    private static final Set<String> DOC_FOLDERS = Set.of("docs", "doc", "examples", "example");
    private static final String DISCOVERY = "googleapiclient/discovery_cache/documents/";

    private RemovalRules() {
    }

    /** Test and docs folders (site-relative, no trailing '/') that hold files in {@code paths}. */
    static Set<String> candidateFolders(Set<String> paths) {
        Set<String> out = new HashSet<>();
        for (String path : paths) {
            if (path.contains(".dist-info/")) {
                continue;
            }
            String[] parts = path.split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                if (TEST_FOLDERS.contains(parts[i]) || i > 0 && DOC_FOLDERS.contains(parts[i])) {
                    out.add(String.join("/", java.util.Arrays.copyOf(parts, i + 1)));
                }
            }
        }
        return out;
    }

    /**
     * Path to rule for every file to remove: a candidate folder is kept while a module that is not removed imports it
     * (repeated until nothing changes: the kept set only shrinks, so this ends).
     */
    static Map<String, String> plan(Set<String> paths, SlimOptions options, ModuleImports imports) {
        Set<String> imported = imports.keptBy(Set.of());
        while (true) {
            Map<String, String> removals = plan(paths, options, imported);
            Set<String> kept = imports.keptBy(removals.keySet());
            if (kept.equals(imported)) {
                return removals;
            }
            imported = kept;
        }
    }

    /**
     * Path to rule for every file to remove.
     *
     * @param imported candidate folders (from {@link #candidateFolders}) that some module outside them imports
     */
    private static Map<String, String> plan(Set<String> paths, SlimOptions options, Set<String> imported) {
        List<PathMatcher> keeps = matchers(options.keeps());
        List<PathMatcher> excludes = matchers(options.excludes());
        Set<String> keepDocs = new HashSet<>();
        for (String name : options.keepDiscovery()) {
            keepDocs.add(DISCOVERY + name + ".json");
        }
        String tag = "cpython-" + options.runtime().pythonMajor() + options.runtime().pythonMinor();
        boolean safe = options.profile().atLeast(SlimProfile.SAFE);
        boolean aggressive = options.profile().atLeast(SlimProfile.AGGRESSIVE);
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : paths) {
            if (matchesAny(keeps, path)) {
                continue;
            }
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (aggressive && (AWS_SDK.contains(top) || top.endsWith(".dist-info") && AWS_SDK.contains(distributionOf(top)))) {
                out.put(path, "aws-sdk");
                continue;
            }
            if (top.endsWith(".dist-info")) {
                continue;
            }
            String rule = null;
            if (matchesAny(excludes, path)) {
                rule = "exclude";
            } else if (!keepDocs.isEmpty() && path.startsWith(DISCOVERY) && path.endsWith(".json")
                    && path.indexOf('/', DISCOVERY.length()) < 0 && !keepDocs.contains(path)) {
                rule = "discovery";
            } else if (safe) {
                rule = safeRule(path, paths, imported, tag);
            }
            if (rule != null) {
                out.put(path, rule);
            }
        }
        return out;
    }

    private static String safeRule(String path, Set<String> paths, Set<String> imported, String tag) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            boolean test = TEST_FOLDERS.contains(parts[i]);
            boolean doc = i > 0 && DOC_FOLDERS.contains(parts[i]);
            if (test || doc) {
                String folder = String.join("/", java.util.Arrays.copyOf(parts, i + 1));
                if (imported.contains(folder)) {
                    continue;
                }
                if (test) {
                    return "tests";
                }
                if (!paths.contains(folder + "/__init__.py")) {
                    return "docs";
                }
            }
        }
        String name = parts[parts.length - 1];
        if (name.endsWith(".pyi")) {
            return "type-stubs";
        }
        if (name.endsWith(".pyo")) {
            return "bytecode";
        }
        if (name.endsWith(".pyc")) {
            boolean cached = parts.length > 1 && parts[parts.length - 2].equals("__pycache__");
            if (cached) {
                String[] pieces = name.split("\\.");
                boolean forTarget = pieces.length >= 3 && (pieces[pieces.length - 2].equals(tag)
                        || pieces.length >= 4 && pieces[pieces.length - 3].equals(tag) && pieces[pieces.length - 2].startsWith("opt-"));
                return forTarget ? null : "bytecode";
            }
            return paths.contains(path.substring(0, path.length() - 1)) ? "bytecode" : null;
        }
        return null;
    }

    /** {@code boto3} from {@code boto3-1.35.0.dist-info}, normalised to lower case. */
    static String distributionOf(String distInfo) {
        String stem = distInfo.substring(0, distInfo.length() - ".dist-info".length());
        int dash = stem.indexOf('-');
        return (dash < 0 ? stem : stem.substring(0, dash)).toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(g -> {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
            boolean nameOnly = !g.contains("/");
            return (PathMatcher) p -> m.matches(p) || nameOnly && p.getFileName() != null && m.matches(p.getFileName());
        }).toList();
    }

    private static boolean matchesAny(List<PathMatcher> matchers, String path) {
        if (matchers.isEmpty()) {
            return false;
        }
        Path p = Path.of(path);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }
}
