package dev.layerfit.lock;

import dev.layerfit.python.build.BuildRequirementsInstaller;
import dev.layerfit.python.build.LocalPython;
import dev.layerfit.python.build.SdistBuildException;
import dev.layerfit.python.build.SdistBuilder;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.index.UnknownProjectException;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.python.install.WheelInstaller;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.resolve.PinnedPackage;
import dev.layerfit.python.resolve.ResolutionImpossibleException;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.resolve.Resolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Build requirements from the project's own index: resolved for the local Python (wheels only: a backend that itself
 * needs building is refused) and installed by {@link WheelInstaller} into the isolated build folder.
 */
public final class IndexBuildRequirements implements BuildRequirementsInstaller {

    private final IndexClient client;

    IndexBuildRequirements(IndexClient client) {
        this.client = client;
    }

    /** A builder over {@code client}'s index when this machine has a Python to build with; empty otherwise. */
    public static Optional<SdistBuilder> builder(IndexClient client, Path cacheDir) {
        return LocalPython.onPath().map(py -> new SdistBuilder(py, new IndexBuildRequirements(client), cacheDir,
                SdistBuilder.configuredTimeout()));
    }

    /**
     * The wheel to install for a pinned file: the file itself for a wheel; for an sdist, the wheel built from it.
     *
     * @throws SdistBuildException for an sdist when there is no local Python or the build fails
     */
    public static Path wheelFor(IndexFile pinned, IndexClient client, Optional<SdistBuilder> builder, String project) {
        if (pinned.isWheel()) {
            return client.fetchWheel(pinned);
        }
        SdistBuilder b = builder.orElseThrow(() -> new SdistBuildException(SdistBuildException.Cause.NO_PYTHON,
                project + " is locked to its sdist "
                + pinned.filename() + ", and this machine has no python3 to build it; use a version of " + project
                + " with wheels, or build the layer in the runtime's image (layerfit dockerfile)"));
        return IndexPackageSource.builtWheel(b, client, pinned, project);
    }

    @Override
    public void install(List<String> requirements, LocalPython python, Path site, String sdistLabel) {
        ResolveTarget target = ResolveTarget.of(python.fullVersion(), python.machine(), python.glibcMajor(), python.glibcMinor());
        List<Requirement> reqs = requirements.stream().map(Requirement::parse).toList();
        List<Path> wheels = new ArrayList<>();
        try (IndexPackageSource source = new IndexPackageSource(client, target, false, 0)) {
            source.requireKnown(reqs.stream().map(Requirement::normalizedName).toList());
            for (PinnedPackage p : new Resolver(source, target).resolve(reqs, List.of()).packages()) {
                IndexFile file = client.files(p.name()).stream().filter(f -> f.url().toString().equals(p.url())).findFirst()
                        .orElseThrow(() -> new IllegalStateException(p.url() + " is no longer listed"));
                wheels.add(client.download(file));
            }
        } catch (UnknownProjectException | ResolutionImpossibleException e) {
            throw new SdistBuildException(SdistBuildException.Cause.BACKEND_UNAVAILABLE,
                    "the build requirements of " + sdistLabel + " (" + String.join(", ", requirements)
                    + ") cannot be installed from the index: " + firstLine(e.getMessage())
                    + "; add the build backend to the index, or use a version with wheels");
        }
        try {
            Path root = site.resolveSibling(site.getFileName() + "-root");
            WheelInstaller.install(wheels, root, LayerLayout.python());
            Files.move(root.resolve("python"), site);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the build requirements of " + sdistLabel, e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
