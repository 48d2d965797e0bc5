package dev.layerfit.project.chalice;

import dev.layerfit.pipeline.BuildRequest;
import dev.layerfit.pipeline.BuildResult;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.pipeline.LayerBuilder;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chalice's managed layer computed the way Chalice makes it: {@code requirements.txt} installed (wheels for the
 * target) into {@code python/lib/pythonX.Y/site-packages}, plus the contents of {@code vendor/}, no bytecode, no
 * slimming. Built with the {@code build} pipeline into the build cache (keyed by pins, target and vendor contents),
 * so a second check reuses it at once; the zip is then measured like any other artifact.
 */
public final class ChaliceManagedLayer implements ManagedLayerSource {

    private final PythonTarget target;
    private final String targetNote;
    private final IndexSettings index;
    private final String toolVersion;

    /**
     * @param target      the deploying machine's Python (Chalice builds for the Python it runs on)
     * @param targetNote  a note to add when the target was defaulted, or null
     * @param index       index flags
     * @param toolVersion layerfit's version (build cache key)
     */
    public ChaliceManagedLayer(PythonTarget target, String targetNote, IndexSettings index, String toolVersion) {
        this.target = target;
        this.targetNote = targetNote;
        this.index = index;
        this.toolVersion = toolVersion;
    }

    @Override
    public Path managedLayer(Path projectDir, List<String> notes) {
        Path requirements = projectDir.resolve("requirements.txt");
        Path vendor = projectDir.resolve("vendor");
        boolean hasVendor = Files.isDirectory(vendor);
        if (!Files.isRegularFile(requirements) && !hasVendor) {
            notes.add("no requirements.txt and no vendor/ in " + projectDir + ", so Chalice creates no managed layer");
            return null;
        }
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(requirements)) {
            files.add(requirements);
        }
        Path output = CacheRoot.resolve("managed-layers").resolve(Math.abs(projectDir.toAbsolutePath().normalize().hashCode())
                + ".zip");
        BuildRequest request = new BuildRequest(files, target, LayerLayout.sitePackages(target.runtime()),
                SlimOptions.of(SlimProfile.NONE, target.runtime()), index, output, false, toolVersion, hasVendor ? vendor : null);
        try {
            BuildResult r = LayerBuilder.standard(Progress.NONE).build(request);
            if (targetNote != null) {
                notes.add(targetNote);
            }
            notes.add("the managed layer was computed from " + (files.isEmpty() ? "" : "requirements.txt")
                    + (hasVendor ? (files.isEmpty() ? "" : " and ") + "vendor/" : "") + " for " + target.describe()
                    + (r.cached() ? " (from the build cache)" : "") + "; pass --managed-layer to measure Chalice's own");
            return r.output();
        } catch (LayerfitException e) {
            throw new ManagedLayerUnavailableException(e.kind(), "computing Chalice's managed layer from " + requirements
                    + " failed (" + dev.layerfit.error.ExceptionWords.describe(e) + "); pass --managed-layer PATH (the layer's zip or folder) instead", e);
        } catch (IOException e) {
            throw new UncheckedIOException("computing Chalice's managed layer failed; pass --managed-layer PATH instead", e);
        }
    }
}
