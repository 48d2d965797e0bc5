package dev.layerfit.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives every file one {@link Category} from its runtime path (relative to its site root), by a table
 * of rules where the first match wins. String tests only, no regular expressions: it runs per entry.
 *
 * <p>Order (it matters): files inside {@code *.dist-info/} and {@code *.egg-info/} are metadata before
 * anything else, so a licence inside dist-info is metadata, not docs; then bytecode, tests, type-stubs,
 * docs, native, the remaining metadata ({@code package.json}, a single-file {@code .egg-info}), package
 * data, code, and other. Choices where names are ambiguous:
 * <ul>
 *   <li>tests: a folder segment {@code tests}, {@code test} or {@code testing} below the top level
 *       ({@code numpy/core/tests/}); a segment naming a Node package (after {@code node_modules/} or an
 *       {@code @scope}) is not a test folder. A top-level {@code tests/} folder (a common packaging
 *       mistake) is tests too; top-level {@code test}/{@code testing} are left alone because they may be
 *       a distribution's own package.</li>
 *   <li>docs: folders {@code doc}, {@code docs}, {@code examples}, {@code example}, {@code benchmarks};
 *       {@code *.md}, {@code *.rst}, {@code *.markdown}; and licence/readme/changelog-style names with no
 *       extension or {@code .txt} ({@code LICENSE}, {@code README.txt}, {@code AUTHORS}). Other
 *       {@code *.txt} files are package data.</li>
 *   <li>package data: a table of data extensions, plus extension-less files inside a package folder
 *       (time-zone files); executables in a top-level {@code bin/} folder are other.</li>
 * </ul>
 */
public final class Categorizer {

    private enum Test {
        /** A folder segment (not the file name) is in the values. */
        DIR_SEGMENT,
        /** A folder segment ends with one of the values. */
        DIR_SEGMENT_SUFFIX,
        /** The file's extension (after the last dot, lower case) is in the values. */
        EXTENSION,
        /** The file name is in the values. */
        NAME,
        /** The file name ends with one of the values. */
        NAME_SUFFIX,
        /** The file name contains one of the values. */
        NAME_CONTAINS,
        /** The file name has no extension or {@code .txt}, and starts with one of the values. */
        DOC_NAME,
        /** The file has no extension and sits inside a folder. */
        NO_EXTENSION_IN_FOLDER
    }

    /** Where a {@link Test#DIR_SEGMENT} may match: any folder, only the top folder, or below the top. */
    private enum Depth { ANY, TOP, BELOW_TOP }

    private record Rule(Category category, Test test, Depth depth, Set<String> values, String[] list) {
        Rule(Category category, Test test, Depth depth, Set<String> values) {
            this(category, test, depth, values, values.toArray(new String[0]));
        }

        Rule(Category category, Test test, Set<String> values) {
            this(category, test, Depth.ANY, values);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Category.METADATA, Test.DIR_SEGMENT_SUFFIX, Set.of(".dist-info", ".egg-info")),
            new Rule(Category.BYTECODE, Test.DIR_SEGMENT, Set.of("__pycache__")),
            new Rule(Category.BYTECODE, Test.EXTENSION, Set.of("pyc", "pyo")),
            new Rule(Category.TESTS, Test.DIR_SEGMENT, Depth.BELOW_TOP, Set.of("tests", "test", "testing")),
            new Rule(Category.TESTS, Test.DIR_SEGMENT, Depth.TOP, Set.of("tests")),
            new Rule(Category.TYPE_STUBS, Test.EXTENSION, Set.of("pyi")),
            new Rule(Category.TYPE_STUBS, Test.NAME, Set.of("py.typed")),
            new Rule(Category.TYPE_STUBS, Test.NAME_SUFFIX, Set.of(".d.ts", ".d.mts", ".d.cts")),
            new Rule(Category.DOCS, Test.DIR_SEGMENT, Set.of("doc", "docs", "examples", "example", "benchmarks")),
            new Rule(Category.DOCS, Test.EXTENSION, Set.of("md", "rst", "markdown")),
            new Rule(Category.DOCS, Test.DOC_NAME, Set.of("license", "licence", "copying", "readme", "changelog",
                    "changes", "history", "authors", "notice", "contributors", "contributing")),
            new Rule(Category.NATIVE, Test.EXTENSION, Set.of("so", "dylib", "pyd", "dll", "node")),
            new Rule(Category.NATIVE, Test.NAME_CONTAINS, Set.of(".so.")),
            new Rule(Category.NATIVE, Test.DIR_SEGMENT_SUFFIX, Set.of(".libs")),
            new Rule(Category.METADATA, Test.NAME, Set.of("package.json", "package-lock.json", ".package-lock.json")),
            new Rule(Category.METADATA, Test.NAME_SUFFIX, Set.of(".egg-info")),
            new Rule(Category.PACKAGE_DATA, Test.EXTENSION, Set.of("json", "dat", "csv", "tsv", "pem", "crt", "txt",
                    "npz", "npy", "xml", "yaml", "yml", "toml", "ini", "cfg", "html", "htm", "css", "png", "jpg",
                    "jpeg", "gif", "svg", "ico", "gz", "bz2", "xz", "zip", "tar", "db", "sqlite", "pkl", "pickle",
                    "bin", "mo", "po", "ttf", "otf", "woff", "woff2", "wav", "parquet", "h5", "onnx", "sql",
                    "tmpl", "j2", "jinja", "jinja2", "template", "properties", "afm", "mplstyle", "wasm")),
            new Rule(Category.CODE, Test.EXTENSION, Set.of("py", "js", "mjs", "cjs", "class", "jar")),
            new Rule(Category.OTHER, Test.DIR_SEGMENT, Depth.TOP, Set.of("bin")),
            new Rule(Category.PACKAGE_DATA, Test.NO_EXTENSION_IN_FOLDER, Set.of()));

    private static final String[] NO_DIRS = new String[0];

    private Categorizer() {
    }

    /** The category of the file at {@code runtimePath} ('/'-separated, relative to its site root). */
    public static Category categorize(String runtimePath) {
        String path = runtimePath.toLowerCase(Locale.ROOT);
        int lastSlash = path.lastIndexOf('/');
        String name = path.substring(lastSlash + 1);
        String[] dirs = lastSlash < 0 ? NO_DIRS : path.substring(0, lastSlash).split("/");
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot + 1);
        for (Rule rule : RULES) {
            if (matches(rule, dirs, name, extension)) {
                return rule.category();
            }
        }
        return Category.OTHER;
    }

    private static boolean matches(Rule rule, String[] dirs, String name, String extension) {
        return switch (rule.test()) {
            case DIR_SEGMENT -> hasSegment(dirs, rule.depth(), rule.values());
            case DIR_SEGMENT_SUFFIX -> hasSegmentSuffix(dirs, rule.list());
            case EXTENSION -> rule.values().contains(extension);
            case NAME -> rule.values().contains(name);
            case NAME_SUFFIX -> endsWithAny(name, rule.list());
            case NAME_CONTAINS -> containsAny(name, rule.list());
            case DOC_NAME -> (extension.isEmpty() || extension.equals("txt")) && startsWithAny(name, rule.list());
            case NO_EXTENSION_IN_FOLDER -> extension.isEmpty() && dirs.length > 0;
        };
    }

    private static boolean hasSegment(String[] dirs, Depth depth, Set<String> values) {
        int from = depth == Depth.BELOW_TOP ? 1 : 0;
        int to = depth == Depth.TOP ? Math.min(1, dirs.length) : dirs.length;
        for (int i = from; i < to; i++) {
            if (values.contains(dirs[i]) && !(depth == Depth.BELOW_TOP && namesNodePackage(dirs, i))) {
                return true;
            }
        }
        return false;
    }

    /** True when segment {@code i} is a Node package's own name: after node_modules/ or a top/nested @scope. */
    private static boolean namesNodePackage(String[] dirs, int i) {
        String before = dirs[i - 1];
        if (before.equals("node_modules")) {
            return true;
        }
        return before.startsWith("@") && (i == 1 || dirs[i - 2].equals("node_modules"));
    }

    private static boolean hasSegmentSuffix(String[] dirs, String[] suffixes) {
        for (String d : dirs) {
            if (endsWithAny(d, suffixes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String s, String[] suffixes) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, String[] parts) {
        for (String part : parts) {
            if (s.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
