package dev.layerfit.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Removes what a Lambda layer does not need from its site folder ({@code python/} or
 * {@code python/lib/python3.X/site-packages/}), by the rules of {@link RemovalRules}, and reports bytes and files per
 * rule. After removing files it drops their rows from every {@code *.dist-info/RECORD} (rule {@code record}) so
 * {@code pip} and {@code importlib.metadata} see a consistent installation. Aggressive also runs
 * {@code strip --strip-debug} on native libraries ({@code *.so}, {@code *.so.*}) outside {@code *.libs/} folders
 * (auditwheel's vendored libraries are never touched); without {@code strip} on the PATH it notes the skip.
 *
 * <p>A freshly installed layer holds no bytecode (the installer does not compile), so {@code bytecode} removes
 * something only from trees that came with {@code .pyc} files.
 */
public final class Slimmer {

    /**
     * Changes whenever the rules remove different files from the same tree, so built layers cached under an earlier
     * revision are not reused (2: a test or docs folder imported only by modules that are themselves removed goes too).
     */
    public static final int RULES_REVISION = 2;

    private Slimmer() {
    }

    /** Slims the site folder in place. */
    public static SlimReport apply(Path siteTree, SlimOptions options) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(siteTree)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(siteTree.relativize(p).toString().replace('\\', '/'), Files.size(p));
            }
        }
        ModuleImports imported = options.profile().atLeast(SlimProfile.SAFE)
                ? imports(files.keySet(), path -> Files.readAllBytes(siteTree.resolve(path))) : ModuleImports.NONE;
        Map<String, String> removals = RemovalRules.plan(files.keySet(), options, imported);
        List<String> notes = new ArrayList<>(notes(files, removals, options));
        for (String path : removals.keySet()) {
            Files.delete(siteTree.resolve(path));
        }
        removeEmptyFolders(siteTree);
        List<RuleResult> results = new ArrayList<>(tally(files, removals));
        long recordBytes = RecordRows.dropRemoved(siteTree, removals.keySet());
        if (recordBytes > 0) {
            results.add(new RuleResult("record", recordBytes, 0));
        }
        if (options.profile().atLeast(SlimProfile.AGGRESSIVE)) {
            DebugSymbols.strip(siteTree, files.keySet(), removals.keySet(), options.keeps(), results, notes);
        }
        return new SlimReport(results, notes);
    }

    /**
     * The same report computed from a file list (site-relative path to size) without touching disk, for {@code plan}.
     * Differences from {@link #apply}: the tests/docs import check cannot read sources, so every test and docs folder
     * counts as unimported (an upper bound); RECORD rows and debug symbols are not estimated (a note says so).
     */
    public static SlimReport dryRun(Map<String, Long> files, SlimOptions options) {
        Map<String, String> removals = RemovalRules.plan(files.keySet(), options, ModuleImports.NONE);
        List<String> notes = new ArrayList<>(notes(files, removals, options));
        notes.add("dry run: test and docs folders counted as unimported, RECORD rows and debug symbols not estimated");
        return new SlimReport(tally(files, removals), notes);
    }

    /** Reads the bytes of a module at a site-relative path, for the import check. */
    @FunctionalInterface
    public interface ModuleSource {
        byte[] read(String path) throws IOException;
    }

    /**
     * Which modules import the test and docs folders among {@code paths} (site-relative), read from {@code sources} as
     * {@link #apply} reads them from disk ({@link ImportScan}): what decides what the {@code tests} and {@code docs}
     * rules keep. Reads every {@code .py} file when there is any such folder, none otherwise.
     */
    public static ModuleImports imports(Set<String> paths, ModuleSource sources) throws IOException {
        Set<String> candidates = RemovalRules.candidateFolders(paths);
        ImportScan scan = new ImportScan(candidates);
        if (!candidates.isEmpty()) {
            for (String path : paths) {
                if (path.endsWith(".py")) {
                    scan.scan(path, lenient(sources.read(path)));
                }
            }
        }
        return scan.imports();
    }

    /**
     * What {@code options} would remove from these site-relative paths, path to rule name, without touching disk, the
     * imported folders (from {@link #imports}) kept as {@link #apply} keeps them: dry-running a profile on a layer
     * already built with it removes nothing.
     */
    public static Map<String, String> wouldRemove(Set<String> paths, SlimOptions options, ModuleImports imported) {
        return RemovalRules.plan(paths, options, imported);
    }

    private static List<RuleResult> tally(Map<String, Long> files, Map<String, String> removals) {
        Map<String, long[]> byRule = new LinkedHashMap<>();
        for (String rule : RemovalRules.RULE_ORDER) {
            byRule.put(rule, new long[2]);
        }
        removals.forEach((path, rule) -> {
            long[] t = byRule.get(rule);
            t[0] += files.get(path);
            t[1]++;
        });
        List<RuleResult> out = new ArrayList<>();
        byRule.forEach((rule, t) -> {
            if (t[1] > 0) {
                out.add(new RuleResult(rule, t[0], (int) t[1]));
            }
        });
        return out;
    }

    private static List<String> notes(Map<String, Long> files, Map<String, String> removals, SlimOptions options) {
        List<String> notes = new ArrayList<>();
        if (removals.containsValue("aws-sdk")) {
            notes.add("left out boto3/botocore/s3transfer/jmespath: the function will use the versions the Lambda runtime ships,"
                    + " which may differ from the ones asked for; use --keep '<name>/**' to keep one");
        }
        for (String name : options.keepDiscovery()) {
            if (!files.containsKey("googleapiclient/discovery_cache/documents/" + name + ".json")) {
                notes.add("--keep-discovery " + name + ": no googleapiclient/discovery_cache/documents/" + name
                        + ".json in the layer; check the name (like drive.v3)");
            }
        }
        return notes;
    }

    private static String lenient(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static void removeEmptyFolders(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(root)) {
            dirs = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path d : dirs) {
            if (!d.equals(root)) {
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }

    /** Runs a command, true when it exited 0 within a minute. */
    static boolean run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while running " + command.get(0));
        }
    }
}
