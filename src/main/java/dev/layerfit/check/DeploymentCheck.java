package dev.layerfit.check;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.MissingArtifactException;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.inventory.ArtifactKind;
import dev.layerfit.inventory.DuplicateFinder;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.inventory.Inventory;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.ArtifactSize;
import dev.layerfit.lambda.LimitEvaluator;
import dev.layerfit.lambda.LimitVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Checks a deployment, whatever framework it came from: measures every artifact of every function — each
 * distinct artifact once, in parallel, however many functions carry it — then holds each function's sum against
 * Lambda's limits and advises what to change.
 */
public final class DeploymentCheck {

    private DeploymentCheck() {
    }

    /** Checks every function of {@code deployment}. */
    public static DeploymentResult run(Deployment deployment, CheckOptions options) {
        Map<String, Artifact> distinct = new LinkedHashMap<>();
        Map<String, Integer> users = new LinkedHashMap<>();
        for (LambdaFunction f : deployment.functions()) {
            if (f.packageType() == PackageType.ZIP) {
                for (Artifact a : f.artifacts()) {
                    distinct.putIfAbsent(a.identity(), a);
                    users.merge(a.identity(), 1, Integer::sum);
                }
            }
        }
        Runnable done = options.opening().apply(distinct.size());
        Map<String, CompletableFuture<Measured>> measuring = new LinkedHashMap<>();
        for (Map.Entry<String, Artifact> e : distinct.entrySet()) {
            measuring.put(e.getKey(), CompletableFuture.supplyAsync(() -> measure(e.getValue(), options.remote()),
                    options.executor())
                    .whenComplete((m, x) -> done.run()));
        }
        // every measurement finishes (or fails) before the check returns: none goes on reading or writing after it
        CompletableFuture.allOf(measuring.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<FunctionResult> results = new ArrayList<>();
        for (LambdaFunction f : deployment.functions()) {
            results.add(check(deployment, f, measuring, users));
        }
        return new DeploymentResult(deployment, results);
    }

    private static FunctionResult check(Deployment deployment, LambdaFunction f,
            Map<String, CompletableFuture<Measured>> measuring, Map<String, Integer> users) {
        if (f.packageType() == PackageType.IMAGE) {
            return new FunctionResult(f, null, "a container-image function: images hold up to 10 GiB and carry no "
                    + "layers, so the zip limits do not apply (not measured)", 0);
        }
        List<String> notes = new ArrayList<>(f.notes());
        List<DeploymentArtifact> artifacts = new ArrayList<>();
        for (Artifact a : f.artifacts()) {
            Measured m;
            try {
                m = join(measuring.get(a.identity()));
            } catch (LayerfitException e) {
                return new FunctionResult(f, null, e.getMessage(), e.kind().exitCode() == 1 ? 2 : e.kind().exitCode());
            } catch (UncheckedIOException e) {
                return new FunctionResult(f, null, "cannot read " + a.name() + ": " + dev.layerfit.error.ExceptionWords.describe(e.getCause()), 2);
            }
            notes.addAll(m.notes());
            if (m.artifact() == null) {
                continue; // the packager creates no such artifact (an empty layer is dropped)
            }
            artifacts.add(new DeploymentArtifact(a, m.source(), m.artifact(), m.inventory(), users.get(a.identity()) > 1));
        }
        List<ArtifactSize> sizes = artifacts.stream().map(DeploymentArtifact::size).toList();
        int layers = (int) artifacts.stream().filter(a -> a.role().isLayer()).count();
        LimitVerdict verdict = LimitEvaluator.evaluate(sizes, layers);
        DuplicateReport duplicates = DuplicateFinder.find(artifacts.stream().map(DeploymentArtifact::inventory).toList());
        Advisor.Result advice = Advisor.advise(deployment.deployTool(), artifacts, duplicates, verdict);
        return FunctionResult.checked(new CheckResult(deployment.description(), deployment.deployTool(), f, artifacts,
                verdict, duplicates, advice.advice(), advice.projectedUnzippedBytes(), notes));
    }

    /** One distinct artifact, measured (or null when the packager creates none), with notes on how it was made. */
    private record Measured(String source, MeasuredArtifact artifact, Inventory inventory, List<String> notes) {
    }

    private static Measured join(CompletableFuture<Measured> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private static Measured measure(Artifact a, RemoteOpener remote) {
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        ArtifactSource s = a.source();
        try {
            String source;
            MeasuredArtifact artifact;
            if (s instanceof ArtifactSource.Local l) {
                source = l.path().toString();
                artifact = LocalArtifacts.open(l.path());
            } else if (s instanceof ArtifactSource.Remote r) {
                if (remote == null) {
                    throw new MissingArtifactException(a.name() + " (" + r.arn() + ") has no local copy and --offline "
                            + "forbids measuring it from AWS: pass --layer " + r.arn() + "=PATH, or map it in layerfit.json");
                }
                source = "AWS (" + r.arn() + ")";
                artifact = remote.open(r.arn());
            } else if (s instanceof ArtifactSource.Built b) {
                source = "built: " + b.description();
                Optional<MeasuredArtifact> built = b.builder().build(notes);
                if (built.isEmpty()) {
                    return new Measured(source, null, null, List.copyOf(notes));
                }
                artifact = built.get();
            } else if (s instanceof ArtifactSource.Inline i) {
                source = "inline code (" + i.fileName() + ")";
                artifact = InlineCodeArtifact.of(i.fileName(), i.text());
            } else if (s instanceof ArtifactSource.S3Object o) {
                throw new MissingArtifactException(a.name() + " is read from s3://" + o.bucket() + "/" + o.key()
                        + ", which layerfit does not download: pass --package PATH (or --layer ARN=PATH) with a local copy");
            } else {
                throw new MissingArtifactException(((ArtifactSource.Unavailable) s).reason());
            }
            try (artifact) {
                ArtifactKind kind = a.role() == ArtifactRole.FUNCTION ? ArtifactKind.FUNCTION : ArtifactKind.LAYER;
                Inventory inventory = Inventory.of(artifact, kind);
                artifact.zippedBytes(); // computed while the folder is at hand (folders deflate once)
                return new Measured(source, artifact, inventory, List.copyOf(notes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
