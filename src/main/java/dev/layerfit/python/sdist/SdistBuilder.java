package dev.layerfit.python.sdist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.WheelFilename;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds a wheel from an sdist as PEP 517 says, with the local Python: unpack the sdist in a temporary folder, read
 * {@code [build-system]} (PEP 518), install its {@code requires} into an isolated folder with
 * {@link BuildRequirementsInstaller} (the same index, layerfit's own installer, never the machine's site-packages),
 * add what {@code get_requires_for_build_wheel} asks for, then call {@code build_wheel}. Only a pure wheel
 * ({@code py3-none-any} or {@code py2.py3-none-any}) is accepted: a Lambda layer cannot use native code built on this
 * machine. The wheel is cached by the sdist's sha256 ({@code <cache>/sdist-wheels/<sha256>/}), so each sdist is built
 * once; a native wheel is refused but kept apart ({@code <cache>/sdist-native-wheels/<sha256>/}, named by the
 * exception) for a caller that needs only its metadata, as Chalice's model of the deploying machine does. A build has a time limit ({@code LAYERFIT_SDIST_BUILD_TIMEOUT}, seconds, default 600); a failure shows the
 * end of its output.
 */
public final class SdistBuilder {

    /** The default limit for one sdist's build, hooks and requirements install excluded. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final String executable;
    private Optional<LocalPython> python;
    private final BuildRequirementsInstaller installer;
    private final Path cacheDir;
    private final Path nativeDir;
    private final Duration timeout;
    private final List<String> notes = new CopyOnWriteArrayList<>();

    /** {@code executable}: the local Python ({@link LocalPython#onPath()}); it is run only when a build is needed. */
    public SdistBuilder(String executable, BuildRequirementsInstaller installer, Path cacheDir, Duration timeout) {
        this.executable = executable;
        this.installer = installer;
        this.cacheDir = cacheDir.resolve("sdist-wheels");
        this.nativeDir = cacheDir.resolve("sdist-native-wheels");
        this.timeout = timeout;
    }

    /**
     * The limit from the system property {@code layerfit.sdistBuildTimeout} or {@code LAYERFIT_SDIST_BUILD_TIMEOUT}
     * (seconds), else {@link #DEFAULT_TIMEOUT}.
     */
    public static Duration configuredTimeout() {
        String s = System.getProperty("layerfit.sdistBuildTimeout", System.getenv("LAYERFIT_SDIST_BUILD_TIMEOUT"));
        try {
            return s == null || s.isBlank() ? DEFAULT_TIMEOUT : Duration.ofSeconds(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT;
        }
    }

    private LocalPython python(java.util.function.Supplier<SdistBuildException> missing) {
        if (python == null) {
            python = LocalPython.inspect(executable);
        }
        return python.orElseThrow(missing);
    }

    /** What was built in this run ("built a-1.0-py3-none-any.whl from the sdist a-1.0.tar.gz ..."), in order. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The pure wheel built from {@code sdist} (a verified local file whose sha256 is {@code sha256}), from the cache
     * when this sdist was built before.
     *
     * @param project the project's name, for messages
     * @throws SdistBuildException when the build fails, times out, needs a backend the index lacks, or is not pure
     */
    public synchronized Path build(Path sdist, String sha256, String project) {
        String label = sdist.getFileName().toString();
        Source source = new Source(label, "the sdist " + label, "from " + label, into -> SdistArchive.extract(sdist, into, label),
                () -> python(() -> new SdistBuildException(SdistBuildException.Cause.NO_PYTHON, project + " has no wheel for the target, only the sdist " + label
                        + ", and the local Python (" + executable + ") cannot build it (it needs Python 3.11 or newer); use a "
                        + "version of " + project + " with wheels, or build the layer in the runtime's image (layerfit dockerfile)")),
                wheel -> new SdistBuildException(SdistBuildException.Cause.NOT_PURE, project + " has no wheel for the target and "
                        + "its sdist " + label + " builds " + wheel.getFileName() + ", which is not a pure py3-none-any wheel (native "
                        + "code built here would not run on Lambda); use a version of " + project + " with wheels for the target, "
                        + "or build the layer in the runtime's image (layerfit dockerfile)", wheel),
                "use a version of " + project + " with wheels, or build it in the runtime's image (layerfit dockerfile)",
                " (no wheel of " + project + " fits the target)");
        return build(source, sha256.toLowerCase(java.util.Locale.ROOT), project);
    }

    /**
     * The pure wheel built from a project's source tree ({@code --with-project}): the tree is copied into a temporary
     * folder first ({@link ProjectTree}: version-control, virtual-environment, cache and earlier build folders left
     * out), so nothing is written into the user's project, and the wheel is cached by the copied files' sha256.
     *
     * @param directory the folder holding {@code pyproject.toml}
     * @param project   the project's name, for messages
     * @throws SdistBuildException when there is no local Python, the build fails or times out, its backend is not on
     *                             the index, or the wheel is not pure
     */
    public synchronized Path buildProject(Path directory, String project) {
        String label = directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
        String key = "project-" + ProjectTree.sha256(directory);
        Source source = new Source(label, "the project folder " + directory, "in " + directory,
                into -> ProjectTree.copy(directory, into),
                () -> python(() -> new SdistBuildException(SdistBuildException.Cause.NO_PYTHON, "--with-project builds " + project + " from "
                        + directory + " as a wheel, which needs a local Python 3.11 or newer, and " + executable
                        + " is not one; install python3 (or set LAYERFIT_PYTHON), or leave --with-project out")),
                wheel -> new SdistBuildException(SdistBuildException.Cause.NOT_PURE, "--with-project: " + project + " in "
                        + directory + " builds " + wheel.getFileName() + ", which is not a pure py3-none-any wheel (native code "
                        + "built here would not run on Lambda); leave --with-project out, or build the layer in the runtime's "
                        + "image (layerfit dockerfile)", wheel),
                "fix the project's build, or leave --with-project out",
                " (--with-project)");
        return build(source, key, project);
    }

    /** The ways a source tree is obtained and described, for an sdist or a project folder. */
    private record Source(String label, String what, String where, Unpacker unpack,
                          java.util.function.Supplier<LocalPython> python,
                          java.util.function.Function<Path, SdistBuildException> notPure,
                          String waysOut, String why) {
    }

    @FunctionalInterface
    private interface Unpacker {
        /** Writes the source tree under {@code into}; returns its root (the folder with pyproject.toml or setup.py). */
        Path unpack(Path into) throws IOException;
    }

    private Path build(Source source, String key, String project) {
        String label = source.label();
        Path done = cacheDir.resolve(key);
        Optional<Path> cached = wheelIn(done);
        if (cached.isPresent()) {
            notes.add("using " + cached.get().getFileName() + ", built earlier from " + source.what()
                    + " (cached by its sha256)");
            return cached.get();
        }
        Path nativeDone = nativeDir.resolve(key);
        Optional<Path> cachedNative = wheelIn(nativeDone);
        if (cachedNative.isPresent()) {
            throw source.notPure().apply(cachedNative.get());
        }
        LocalPython python = source.python().get();
        Path work = null;
        try {
            Files.createDirectories(cacheDir);
            work = dev.layerfit.io.TempFiles.createFolder(cacheDir, "build-");
            Path src = source.unpack().unpack(work.resolve("src"));
            Path script = LocalPython.Frontend.script(work);
            Path log = work.resolve("output.txt");
            JsonNode system = hook(python, script, log, work, source, project, "build-system", src.toString());
            List<String> requires = new ArrayList<>();
            system.get("requires").forEach(r -> requires.add(r.asText()));
            Path site = work.resolve("site");
            installer.install(requires, python, site, label);
            JsonNode extra = hook(python, script, log, work, source, project, "requires", src.toString(), site.toString());
            List<String> more = new ArrayList<>();
            extra.forEach(r -> more.add(r.asText()));
            more.removeAll(requires);
            if (!more.isEmpty()) {
                List<String> all = new ArrayList<>(requires);
                all.addAll(more);
                BuildProcess.deleteTree(site);
                installer.install(all, python, site, label);
            }
            Path wheels = Files.createDirectories(work.resolve("wheel"));
            String built = hook(python, script, log, work, source, project, "wheel", src.toString(), site.toString(),
                    wheels.toString()).asText();
            Path wheel = wheels.resolve(built);
            if (!Files.isRegularFile(wheel)) {
                throw new SdistBuildException("building " + label + " reported " + built + " but wrote no such wheel");
            }
            boolean pure = isPure(built);
            Path staged = Files.createDirectories(work.resolve("done"));
            Files.move(wheel, staged.resolve(built));
            if (!pure) {
                // kept apart, never served as a usable wheel: only its metadata may be read (see SdistBuildException)
                Files.createDirectories(nativeDir);
                moveInto(staged, nativeDone);
                throw source.notPure().apply(wheelIn(nativeDone).orElseThrow());
            }
            moveInto(staged, done);
            notes.add("built " + built + " from " + source.what() + source.why() + " with " + system.get("backend").asText()
                    + " on Python " + python.fullVersion());
            return wheelIn(done).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("could not build " + label, e);
        } finally {
            BuildProcess.deleteTree(work);
            if (work != null) {
                dev.layerfit.io.TempFiles.release(work);
            }
        }
    }

    private JsonNode hook(LocalPython python, Path script, Path log, Path work, Source source, String project, String command,
                          String... args) throws IOException {
        Path answer = work.resolve(command + ".json");
        List<String> cmd = new ArrayList<>(List.of(python.executable(), "-I", script.toString(), command));
        cmd.addAll(List.of(args));
        cmd.add(answer.toString());
        Path src = Path.of(args[0]);
        BuildProcess.Result r = BuildProcess.run(cmd, src, log, timeout);
        if (r.timedOut()) {
            throw new SdistBuildException(SdistBuildException.Cause.TIMED_OUT,
                    "building " + project + " " + source.where() + " took longer than " + timeout.toSeconds()
                    + " s and was stopped (LAYERFIT_SDIST_BUILD_TIMEOUT sets the limit); its output ends:\n" + BuildProcess.tail(log));
        }
        if (r.exitCode() != 0 || !Files.isRegularFile(answer)) {
            throw new SdistBuildException("building " + project + " " + source.where() + " failed (" + command + " step, exit "
                    + r.exitCode() + "); " + source.waysOut() + "; the build's output ends:\n" + BuildProcess.tail(log));
        }
        return new ObjectMapper().readTree(answer.toFile());
    }

    /** Whether a wheel has no native code and suits any Python 3: only {@code py3-none-any} style tags run everywhere. */
    private static boolean isPure(String built) {
        try {
            WheelFilename w = WheelFilename.parse(built);
            return w.tags().stream().allMatch(t -> t.abi().equals("none") && t.platform().equals("any")
                    && t.interpreter().startsWith("py"))
                    && w.tags().stream().anyMatch(t -> t.interpreter().startsWith("py3"));
        } catch (InvalidWheelFilenameException e) {
            return false;
        }
    }

    private static void moveInto(Path staged, Path dest) throws IOException {
        try {
            Files.move(staged, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another process built it meanwhile: use theirs
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, dest);
        }
    }

    private static Optional<Path> wheelIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".whl")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
