package dev.layerfit.check;

import dev.layerfit.inventory.Category;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.FileUsage;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.LimitVerdict;
import dev.layerfit.lambda.Quota;
import dev.layerfit.project.chalice.ResolvedSettings;
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

    private final ResolvedSettings settings;
    private final List<DeploymentArtifact> artifacts;
    private final Set<FileUsage> removed = Collections.newSetFromMap(new IdentityHashMap<>());

    private Advisor(ResolvedSettings settings, List<DeploymentArtifact> artifacts) {
        this.settings = settings;
        this.artifacts = artifacts;
    }

    /** The advice, blockers first, then ranked by bytes saved; and what the deployment would weigh after it. */
    static Result advise(ResolvedSettings settings, List<DeploymentArtifact> artifacts, DuplicateReport duplicates,
            LimitVerdict verdict) {
        return new Advisor(settings, artifacts).run(duplicates, verdict);
    }

    /** The advice and the unzipped total once every saving in it is taken. */
    record Result(List<Advice> advice, long projectedUnzippedBytes) {
    }

    private Result run(DuplicateReport duplicates, LimitVerdict verdict) {
        List<Advice> blockers = new ArrayList<>(blockers(verdict));
        List<Advice> savings = new ArrayList<>();
        automaticLayer().ifPresentOrElse(savings::add, () -> { });
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
        slim("tests", f -> f.category() == Category.TESTS,
                n -> "test suites inside packages (numpy/…/tests, …) take " + n + " and are never imported at run time",
                "rebuild with `layerfit build --slim safe` (the default: it leaves out tests/ folders nothing else imports)")
                .ifPresentOrElse(savings::add, () -> { });
        slim("stubs-and-docs", f -> f.category() == Category.TYPE_STUBS || f.category() == Category.DOCS,
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
                        + "allows " + c.limitBytes() + (settings.automaticLayer() ? " (Chalice's managed layer counts)" : ""),
                        0, "merge layers into fewer (one layer can hold many packages), or set \"automatic_layer\": false"));
            } else if (c.name().equals(LimitCheck.ZIPPED_DIRECT_UPLOAD)) {
                out.add(new Advice("zipped-direct-upload", c.subject() + " is " + ByteSizeFormat.mib(c.actualBytes())
                        + " zipped and Chalice uploads it inside the API request, which takes at most "
                        + ByteSizeFormat.mib(c.limitBytes()), 0,
                        "publish it yourself through S3 (aws lambda publish-layer-version --content S3Bucket=…) "
                                + "and list its ARN in \"layers\" instead"));
            }
        }
        return out;
    }

    private java.util.Optional<Advice> automaticLayer() {
        DeploymentArtifact managed = artifacts.stream().filter(a -> a.role() == ArtifactRole.MANAGED_LAYER)
                .findFirst().orElse(null);
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
        long rest = managed.unzippedBytes() - saves;
        String where = "stage " + settings.stage();
        var o = settings.automaticLayerOrigin();
        String origin = o.isDefault() ? "" : " (it is now true " + (o.scope().isEmpty() ? "at the top level"
                : "in " + o.scope()) + ", line " + o.line() + ")";
        String names = repeated.stream().limit(4).map(DistributionUsage::name).collect(Collectors.joining(", "))
                + (repeated.size() > 4 ? ", …" : "");
        String message = "automatic_layer repeats " + repeated.size() + " distributions already in your layers ("
                + names + "): set it false for " + where + " (saves " + ByteSizeFormat.mib(saves) + ")"
                + (rest > MIN_SAVING ? "; the managed layer's other " + ByteSizeFormat.mib(rest)
                        + " would then ship in the function zip" : "");
        String action = "in .chalice/config.json set \"automatic_layer\": false in stages." + settings.stage() + origin
                + ", and keep in requirements.txt only what your layers lack: with automatic_layer off, Chalice "
                + "bundles requirements.txt into the function zip instead";
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
        return java.util.Optional.of(new Advice("layer-duplicates", names.size() + " distributions are in more than one "
                + "layer (" + shown + "); each copy is counted but only one is imported (saves "
                + ByteSizeFormat.mib(saves) + ")", saves,
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
        return java.util.Optional.of(new Advice(id, message.apply(ByteSizeFormat.mib(saves)) + " (saves "
                + ByteSizeFormat.mib(saves) + ")", saves, action));
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
