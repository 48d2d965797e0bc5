package dev.layerfit.project.chalice;

import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.deployment.LeftOut;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.pipeline.BuildCache;
import dev.layerfit.pipeline.IndexSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Chalice project's packaging for one runtime, shared by every artifact the reader builds: Chalice's dependency
 * plan is computed once (on first need; a check whose artifacts are all mapped to local copies never resolves),
 * and each zip comes from {@link ChalicePackager} in the build cache. What Chalice leaves out is recorded in the
 * deployment's {@link LeftOut} as the artifacts are built.
 */
final class ChaliceBuild {

    private final Path projectDir;
    private final DeployingMachine machine;
    private final PythonRuntime runtime;
    private final IndexSettings index;
    private final String toolVersion;
    private final ChaliceDependencyBuilder.SdistBuilder sdists;
    private final LeftOut leftOut;
    private ChaliceDependencyBuilder.Plan plan;
    private ChaliceRuntimeFiles runtimeFiles;

    ChaliceBuild(Path projectDir, DeployingMachine machine, PythonRuntime runtime, IndexSettings index, String toolVersion,
            ChaliceDependencyBuilder.SdistBuilder sdists, LeftOut leftOut) {
        this.projectDir = projectDir;
        this.machine = machine;
        this.runtime = runtime;
        this.index = index;
        this.toolVersion = toolVersion;
        this.sdists = sdists;
        this.leftOut = leftOut;
    }

    private Path requirements() {
        return projectDir.resolve("requirements.txt");
    }

    /** The dependency plan, computed once; an error names the artifact and the flag that avoids computing it. */
    private synchronized ChaliceDependencyBuilder.Plan plan(String artifact, String flag) {
        if (plan == null) {
            try {
                plan = new ChaliceDependencyBuilder(index, sdists).plan(requirements(), machine, runtime);
            } catch (LayerfitException e) {
                LayerfitException.Kind kind = e.kind() == LayerfitException.Kind.NETWORK ? e.kind() : LayerfitException.Kind.BAD_INPUT;
                throw new ManagedLayerUnavailableException(kind, "computing Chalice's " + artifact + " from " + requirements()
                        + " failed: " + e.getMessage().strip() + " — pass " + flag + " PATH (the zip `chalice package` builds) instead", e);
            }
        }
        return plan;
    }

    private synchronized ChaliceRuntimeFiles runtimeFiles() {
        if (runtimeFiles == null) {
            runtimeFiles = ChaliceRuntimeFiles.of(requirements(), machine);
        }
        return runtimeFiles;
    }

    /** Builds one of Chalice's zips; empty for a managed layer Chalice drops. */
    Optional<MeasuredArtifact> build(ChalicePackager.Kind kind, List<String> notes) throws IOException {
        String artifact = kind == ChalicePackager.Kind.MANAGED_LAYER ? "managed layer" : "function zip";
        String flag = kind == ChalicePackager.Kind.MANAGED_LAYER ? "--managed-layer" : "--package";
        ChaliceDependencyBuilder.Plan p = kind == ChalicePackager.Kind.APP_ONLY ? ChaliceDependencyBuilder.Plan.empty()
                : plan(artifact, flag);
        ChaliceRuntimeFiles files = kind == ChalicePackager.Kind.MANAGED_LAYER ? null : runtimeFiles();
        ChalicePackager packager = new ChalicePackager(new BuildCache(CacheRoot.resolve("builds")), toolVersion);
        Optional<ChalicePackager.Built> built = packager.build(kind, projectDir, p, runtime, files,
                w -> index.client(java.nio.file.Files.isRegularFile(requirements()) ? List.of(requirements()) : List.of()).fetchWheel(w));
        if (kind != ChalicePackager.Kind.APP_ONLY) {
            notes.addAll(p.notes());
            for (ChaliceDependencyBuilder.Omission o : p.omissions()) {
                leftOut.add(new LeftOut.Item(artifact, o.name(), o.version(), o.reason(), !o.wouldBuild()));
            }
        }
        if (files != null && files.note() != null) {
            notes.add(files.note());
        }
        if (built.isEmpty()) {
            notes.add("Chalice drops its managed layer: requirements.txt installs nothing and vendor/ holds no bytes "
                    + "(LayerDeploymentPackager raises EmptyPackageError), so the function has one layer fewer");
            return Optional.empty();
        }
        ChalicePackager.Built b = built.get();
        for (String d : b.duplicates()) {
            notes.add("the " + artifact + " stores " + d + " twice (vendor/ and a requirement both have it; Chalice writes"
                    + " vendor/ after the packages and both entries count)");
        }
        if (kind != ChalicePackager.Kind.APP_ONLY) { // the app-only zip is the project's own files: nothing to say
            notes.add("the " + artifact + " was built as Chalice builds it for " + runtime.name()
                    + (b.cached() ? " (from the build cache)" : "") + ": " + b.zip());
        }
        return Optional.of(LocalArtifacts.open(b.zip()));
    }
}
