package dev.layerfit.check;

import dev.layerfit.inventory.Category;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.FileUsage;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.layer.ModuleImports;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.layer.Slimmer;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.LimitVerdict;
import dev.layerfit.lambda.Quota;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns a measured deployment into advice ranked by the unzipped bytes each change saves.
 *
 * <p>Savings add up: the structural fixes (Chalice's managed layer repeating the layers, a distribution in
 * two layers) are counted first, then each slimming rule counts only the files still shipped after them.
 * Every file belongs to one category, so the slimming rules never count a byte twice.
 */
final class Advisor {

    /** Advice that saves less than this is noise and is left out. */
    private static final long MIN_SAVING = 64 * 1024;
    private static final long LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    private static final Set<String> RUNTIME_SDK = Set.of("boto3", "botocore", "s3transfer", "jmespath");
    private static final String DISCOVERY_DOCS = "googleapiclient/discovery_cache/documents/";
    /** The profile the slimming advice points to; the runtime only matters to the bytecode rule, which it does not use. */
    private static final SlimOptions SAFE = SlimOptions.of(SlimProfile.SAFE, PythonRuntime.forName("python3.12"));

    private final String deployTool;
    private final List<DeploymentArtifact> artifacts;
    private final Set<FileUsage> removed = Collections.newSetFromMap(new IdentityHashMap<>());

    private Advisor(String deployTool, List<DeploymentArtifact> artifacts) {
        this.deployTool = deployTool;
        this.artifacts = artifacts;
    }

    /** The advice, blockers first, then ranked by bytes saved; and what the deployment would weigh after it. */
    static Result advise(String deployTool, List<DeploymentArtifact> artifacts, DuplicateReport duplicates,
            LimitVerdict verdict) {
        return new Advisor(deployTool, artifacts).run(duplicates, verdict);
    }

    /** The advice and the unzipped total once every saving in it is taken. */
    record Result(List<Advice> advice, long projectedUnzippedBytes) {
    }

    private Result run(DuplicateReport duplicates, LimitVerdict verdict) {
        List<Advice> blockers = new ArrayList<>(blockers(verdict));
        List<Advice> savings = new ArrayList<>();
        frameworkLayer().ifPresentOrElse(savings::add, () -> { });
        layerDuplicates(duplicates).ifPresentOrElse(savings::add, () -> { });
        slim("discovery-documents", f -> f.runtimePath().startsWith(DISCOVERY_DOCS),
                n -> "google-api-python-client carries " + n + " of API discovery documents (" + DISCOVERY_DOCS
                        + "*.json, one per Google API); an app needs only the APIs it builds clients for",
                "rebuild the layer keeping only the APIs you call: `layerfit build requirements.txt --runtime RUNTIME "
                        + "--keep-discovery drive.v3 -o layer.zip`")
                .ifPresentOrElse(savings::add, () -> { });
        slim("bytecode", f -> f.category() == Category.BYTECODE,
                n -> "__pycache__ takes " + n + " (compiled for " + bytecodeTags() + " by the Python that built the "
                        + "layers); it only speeds up the first import on a runtime of that version and is never used on "
                        + "another, where Python compiles in memory instead",
                "rebuild the layers with `layerfit build` (it installs without compiling; or `pip install --no-compile`)")
                .ifPresentOrElse(savings::add, () -> { });
        profile("tests", Set.of("tests"),
                n -> "test suites inside packages (numpy/…/tests, …) take " + n + " and are never imported at run time",
                "rebuild with `layerfit build --slim safe` (the default: it leaves out tests/ folders nothing else imports)")
                .ifPresentOrElse(savings::add, () -> { });
        profile("stubs-and-docs", Set.of("type-stubs", "docs"),
                n -> "type stubs (.pyi) and documentation inside packages take " + n,
                "rebuild with `layerfit build --slim safe` (leaves out *.pyi stubs and docs/examples inside packages)")
                .ifPresentOrElse(savings::add, () -> { });
        slim("runtime-sdk", f -> f.distribution() != null
                        && RUNTIME_SDK.contains(ProjectName.canonicalize(f.distribution().name())),
                n -> "boto3/botocore/s3transfer/jmespath take " + n + "; every Python runtime already ships them "
                        + "(AWS recommends bundling your own for a fixed version, so this is an opt-in)",
                "if the runtime's version suits you, rebuild with `layerfit build --slim aggressive` (leaves them out, with a warning)")
                .ifPresentOrElse(savings::add, () -> { });
        savings.sort(Comparator.comparingLong(Advice::savesBytes).reversed());

        long projected = verdict.totalUnzippedBytes() - savings.stream().mapToLong(Advice::savesBytes).sum();
        List<Advice> all = new ArrayList<>(blockers);
        all.addAll(savings);
        if (projected >= LIMIT) {
            all.addAll(fallbacks(projected));
        }
        return new Result(List.copyOf(all), projected);
    }

    private List<Advice> blockers(LimitVerdict verdict) {
        List<Advice> out = new ArrayList<>();
        for (LimitCheck c : verdict.checks()) {
            if (c.ok()) {
                continue;
            }
            if (c.name().equals(LimitCheck.LAYER_COUNT)) {
                out.add(new Advice("layer-count", "the function references " + c.actualBytes() + " layers and Lambda "
                        + "allows " + c.limitBytes() + frameworkLayerCounts(),
                        0, "merge layers into fewer (one layer can hold many packages)" + frameworkLayerControl()));
            } else if (c.name().equals(LimitCheck.ZIPPED_DIRECT_UPLOAD)) {
                out.add(new Advice("zipped-direct-upload", c.subject() + " is " + ByteSizeFormat.mib(c.actualBytes())
                        + " zipped and " + deployTool + " uploads it inside the API request, which takes at most "
                        + ByteSizeFormat.mib(c.limitBytes()), 0,
                        "publish it yourself through S3 (aws lambda publish-layer-version --content S3Bucket=…) "
                                + "and list its ARN in \"layers\" instead"));
            }
        }
        return out;
    }

    /** The layer the framework builds from the project's requirements, if the function has one. */
    private java.util.Optional<DeploymentArtifact> frameworkBuiltLayer() {
        return artifacts.stream().filter(a -> a.role() == ArtifactRole.MANAGED_LAYER).findFirst();
    }

    private String frameworkLayerCounts() {
        return frameworkBuiltLayer().map(a -> " (the " + a.name() + " counts)").orElse("");
    }

    private String frameworkLayerControl() {
        return frameworkBuiltLayer().filter(a -> a.spec().frameworkBuilt())
                .map(a -> ", or drop the " + a.name() + ": " + a.spec().control()).orElse("");
    }

    private java.util.Optional<Advice> frameworkLayer() {
        DeploymentArtifact managed = frameworkBuiltLayer().orElse(null);
        if (managed == null) {
            return java.util.Optional.empty();
        }
        Set<String> inLayers = new LinkedHashSet<>();
        for (DeploymentArtifact a : artifacts) {
            if (a.role() == ArtifactRole.LAYER) {
                for (DistributionUsage d : a.inventory().distributions()) {
                    if (!d.isPseudo()) {
                        inLayers.add(ProjectName.canonicalize(d.name()));
                    }
                }
            }
        }
        List<DistributionUsage> repeated = managed.inventory().distributions().stream()
                .filter(d -> !d.isPseudo() && inLayers.contains(ProjectName.canonicalize(d.name())))
                .sorted(Comparator.comparingLong((DistributionUsage d) -> d.bytes()).reversed())
                .toList();
        if (repeated.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<DistributionUsage> repeatedSet = Collections.newSetFromMap(new IdentityHashMap<>());
        repeatedSet.addAll(repeated);
        long saves = take(managed, f -> f.distribution() != null && repeatedSet.contains(f.distribution()));
        String names = repeated.stream().limit(4).map(DistributionUsage::name).collect(Collectors.joining(", "))
                + (repeated.size() > 4 ? ", …" : "");
        String message = "the " + managed.name() + " repeats " + ByteSizeFormat.count(repeated.size(), "distribution") + " already in your "
                + "layers (" + names + "); Python imports one copy, and every copy counts";
        String action = managed.spec().frameworkBuilt() ? managed.spec().control()
                : "rebuild the " + managed.name() + " without the distributions your layers already hold";
        return java.util.Optional.of(new Advice("automatic-layer-duplicates", message, saves, action));
    }

    private java.util.Optional<Advice> layerDuplicates(DuplicateReport report) {
        List<DuplicateDistribution> dups = report.distributions().stream()
                .filter(d -> d.copies().stream().noneMatch(c -> artifacts.get(c.artifactIndex()).role() == ArtifactRole.MANAGED_LAYER))
                .toList();
        long saves = 0;
        List<String> names = new ArrayList<>();
        for (DuplicateDistribution d : dups) {
            long before = saves;
            for (var copy : d.copies()) {
                if (copy != d.used()) {
                    DeploymentArtifact a = artifacts.get(copy.artifactIndex());
                    saves += take(a, f -> f.distribution() != null
                            && ProjectName.canonicalize(f.distribution().name()).equals(d.distribution()));
                }
            }
            if (saves > before) {
                names.add(d.distribution());
            }
        }
        if (saves < MIN_SAVING) {
            return java.util.Optional.empty();
        }
        String shown = names.stream().limit(4).collect(Collectors.joining(", ")) + (names.size() > 4 ? ", …" : "");
        return java.util.Optional.of(new Advice("layer-duplicates", ByteSizeFormat.count(names.size(), "distribution") + (names.size() == 1 ? " is" : " are") + " in more than one "
                + "layer (" + shown + "); each copy is counted but only one is imported", saves,
                "keep each distribution in one layer: `layerfit plan layers/*/requirements.txt --runtime RUNTIME` lays them out, "
                        + "then rebuild"));
    }

    private java.util.Optional<Advice> slim(String id, Predicate<FileUsage> rule,
            java.util.function.Function<String, String> message, String action) {
        long saves = 0;
        for (DeploymentArtifact a : artifacts) {
            saves += take(a, rule);
        }
        if (saves < MIN_SAVING) {
            return java.util.Optional.empty();
        }
        // the saving is the advice's own field, shown once by each report
        return java.util.Optional.of(new Advice(id, message.apply(ByteSizeFormat.mib(saves)), saves, action));
    }

    /**
     * Advice to rebuild with the {@code safe} profile, its saving computed by dry-running that profile's {@code rules}
     * on each artifact's files still shipped: a layer already built with {@code --slim safe} saves nothing, so gets no
     * advice. For an artifact the framework builds, the change is to the framework's input, not a rebuild.
     */
    private java.util.Optional<Advice> profile(String id, Set<String> rules, java.util.function.Function<String, String> message,
            String rebuild) {
        long saves = 0;
        List<DeploymentArtifact> frameworkBuilt = new ArrayList<>();
        boolean userBuilt = false;
        for (DeploymentArtifact a : artifacts) {
            java.util.Map<String, List<FileUsage>> byPath = new java.util.HashMap<>();
            for (FileUsage f : a.inventory().files()) {
                if (!removed.contains(f) && f.runtimePath() != null && !f.runtimePath().isEmpty()) {
                    byPath.computeIfAbsent(f.runtimePath(), k -> new ArrayList<>()).add(f);
                }
            }
            Set<String> gone = new java.util.HashSet<>();
            ModuleImports imported = a.imports() == null ? ModuleImports.NONE : a.imports();
            Slimmer.wouldRemove(byPath.keySet(), SAFE, imported).forEach((path, rule) -> {
                if (rules.contains(rule)) {
                    gone.add(path);
                }
            });
            long before = saves;
            saves += take(a, f -> gone.contains(f.runtimePath()));
            if (saves > before) {
                if (a.spec().frameworkBuilt()) {
                    frameworkBuilt.add(a);
                } else {
                    userBuilt = true;
                }
            }
        }
        if (saves < MIN_SAVING) {
            return java.util.Optional.empty();
        }
        String action = userBuilt ? rebuild : "";
        for (DeploymentArtifact a : frameworkBuilt) {
            // the user does not build this one: what changes is what the framework builds it from
            String slimmed = a.role().isLayer()
                    ? "then build that layer yourself with `layerfit build requirements.txt --slim safe` and list its ARN instead"
                    : "move what it installs from requirements.txt into a layer built with `layerfit build requirements.txt --slim safe`";
            action += (action.isEmpty() ? "" : "; ") + "the " + a.name() + " is built by " + deployTool
                    + " from the project's requirements, which no --slim reaches: " + a.spec().control() + "; " + slimmed;
        }
        return java.util.Optional.of(new Advice(id, message.apply(ByteSizeFormat.mib(saves)), saves, action));
    }

    /** The interpreter tags of the shipped bytecode, e.g. "cpython-311", from names like x.cpython-311.pyc. */
    private String bytecodeTags() {
        java.util.TreeSet<String> tags = new java.util.TreeSet<>();
        for (DeploymentArtifact a : artifacts) {
            for (FileUsage f : a.inventory().files()) {
                String p = f.runtimePath();
                if (f.category() == Category.BYTECODE && p.endsWith(".pyc")) {
                    String stem = p.substring(p.lastIndexOf('/') + 1, p.length() - 4);
                    int dot = stem.lastIndexOf('.');
                    if (dot > 0) {
                        tags.add(stem.substring(dot + 1));
                    }
                }
            }
        }
        return tags.isEmpty() ? "an unknown Python" : String.join(", ", tags);
    }

    /** Marks the files of {@code a} that match and are still shipped as removed; returns their bytes. */
    private long take(DeploymentArtifact a, Predicate<FileUsage> rule) {
        long bytes = 0;
        for (FileUsage f : a.inventory().files()) {
            if (!removed.contains(f) && rule.test(f)) {
                removed.add(f);
                bytes += f.bytes();
            }
        }
        return bytes;
    }

    private List<Advice> fallbacks(long projected) {
        String over = ByteSizeFormat.mib(projected - LIMIT + 1);
        return List.of(
                new Advice("container-image", "even with every change above the deployment is " + over
                        + " too big for layers: a container image holds up to 10 GiB (no layers)", 0,
                        "`layerfit dockerfile --runtime RUNTIME requirements.lock -o Dockerfile`, then deploy the image with "
                                + "the image URI"),
                new Advice("split-function", "move the heavy dependencies into a second function that only the routes "
                        + "needing them call", 0, "split the app: an API function without the heavy layers, a worker with them"),
                new Advice("efs", "large read-only packages can live on an EFS file system mounted by the function", 0,
                        "install them onto EFS and add its mount path to sys.path at start-up (slower cold starts)"));
    }
}
