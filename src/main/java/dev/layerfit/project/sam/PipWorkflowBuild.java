package dev.layerfit.project.sam;

import dev.layerfit.archive.Artifacts;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.pipeline.BuildRequest;
import dev.layerfit.pipeline.BuildResult;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.pipeline.LayerBuilder;
import dev.layerfit.progress.Progress;
import dev.layerfit.python.install.LayerLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code sam build} makes of a Python function or layer: aws-lambda-builders' {@code python_pip} workflow
 * (workflows/python_pip/workflow.py) installs {@code requirements.txt} of the code folder (when there is one) into
 * the artifact folder, then copies the code folder over it, leaving out {@link #EXCLUDED_FILES}. A function's
 * artifact is that folder; a layer with {@code BuildMethod: python3.x} gets it under {@code python/} (aws-sam-cli's
 * {@code get_layer_subfolder}). Its packager is a port of Chalice's, so the build pipeline (wheels for the target,
 * no bytecode, no slimming) computes it, cached by pins, target and the copied files.
 */
final class PipWorkflowBuild implements ArtifactSource.Builder {

    /** {@code PythonPipWorkflow.EXCLUDED_FILES}: names (glob patterns) never copied from the code folder. */
    static final List<String> EXCLUDED_FILES = List.of(".aws-sam", ".chalice", ".git", ".gitignore", "*.pyc",
            "__pycache__", "*.so", ".Python", "*.egg-info", "*.egg", "pip-log.txt", "pip-delete-this-directory.txt",
            "htmlcov", ".tox", ".nox", ".coverage", ".cache", ".pytest_cache", ".python-version", ".mypy_cache",
            ".dmypy.json", ".pyre", ".env", ".venv", "venv", "venv.bak", "env.bak", "ENV", "env", ".vscode", ".idea");

    private static final List<PathMatcher> EXCLUDED = EXCLUDED_FILES.stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();

    private final String owner;
    private final Path codeDir;
    private final PythonTarget target;
    private final LayerLayout layout;
    private final IndexSettings index;
    private final String toolVersion;

    /**
     * @param owner  "function HelloFunction" or "layer DepsLayer", for messages
     * @param layout {@link LayerLayout#root()} for a function, {@link LayerLayout#python()} for a layer
     */
    PipWorkflowBuild(String owner, Path codeDir, PythonTarget target, LayerLayout layout, IndexSettings index, String toolVersion) {
        this.owner = owner;
        this.codeDir = codeDir;
        this.target = target;
        this.layout = layout;
        this.index = index;
        this.toolVersion = toolVersion;
    }

    /** What is built from what, for tables. */
    String describe() {
        boolean reqs = Files.isRegularFile(codeDir.resolve("requirements.txt"));
        return (reqs ? "requirements.txt + " : "") + codeDir.getFileName() + "/";
    }

    @Override
    public Optional<MeasuredArtifact> build(List<String> notes) throws IOException {
        Path requirements = codeDir.resolve("requirements.txt");
        List<Path> files = Files.isRegularFile(requirements) ? List.of(requirements) : List.of();
        Path buildRoot = CacheRoot.resolve("sam-builds");
        Files.createDirectories(buildRoot);
        Path staged = dev.layerfit.io.TempFiles.createFolder(buildRoot, "src-");
        try {
            copyFiltered(codeDir, staged);
            Path output = buildRoot.resolve(key() + ".zip");
            BuildRequest request = new BuildRequest(files, target, layout, SlimOptions.of(SlimProfile.NONE, target.runtime()),
                    index, output, false, toolVersion, staged);
            BuildResult r = LayerBuilder.standard(Progress.NONE).build(request);
            notes.add(owner + " was computed as sam build makes it from " + describe() + " for " + target.describe()
                    + (r.cached() ? " from the build cache" : "") + "; run sam build to measure its own output");
            return Optional.of(Artifacts.open(r.output()));
        } catch (LayerfitException e) {
            throw new SamBuildException(e.kind(), "computing what sam build makes of " + owner + " failed (" + e.getMessage()
                    + "); run sam build and check again", e);
        } finally {
            dev.layerfit.io.TempFiles.delete(staged);
        }
    }

    /** A stable name for this code folder, layout and target. */
    private String key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((codeDir.toAbsolutePath().normalize() + "\0" + layout.sitePrefix() + "\0" + target.describe())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code from} into {@code to}, leaving out excluded names at any depth (shutil.ignore_patterns). */
    static void copyFiltered(Path from, Path to) throws IOException {
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(from)) {
            list.forEach(children::add);
        }
        for (Path child : children) {
            Path name = child.getFileName();
            if (EXCLUDED.stream().anyMatch(m -> m.matches(name))) {
                continue;
            }
            Path dest = to.resolve(name.toString());
            if (Files.isDirectory(child)) {
                Files.createDirectories(dest);
                copyFiltered(child, dest);
            } else if (Files.isRegularFile(child)) {
                Files.copy(child, dest);
            }
        }
    }
}
