package dev.layerfit.project.chalice;

import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lock.DistributionFilenames;
import dev.layerfit.lock.Lock;
import dev.layerfit.lock.LockRequest;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.lock.Locker;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.pipeline.PinnedSet;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.tags.Tag;
import dev.layerfit.python.tags.WheelFilename;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chalice's {@code DependencyBuilder} (chalice/deploy/packager.py), step by step:
 * <ol>
 * <li>{@code _has_at_least_one_package}: a requirements.txt with no line that is non-blank and not a {@code #}
 * comment installs nothing;</li>
 * <li>{@code PipRunner.download_all_dependencies}: {@code pip download -r requirements.txt} on the deploying
 * machine: versions (and the first wheel) chosen for that machine's Python, platform and glibc;</li>
 * <li>{@code _categorize_deps} / {@code ChaliceWheelCheck}: each downloaded wheel is kept when Chalice accepts it
 * for the runtime's ABI;</li>
 * <li>{@code PipRunner.download_manylinux_wheels}: for every other package, {@code pip download --only-binary=:all:
 * --no-deps --platform manylinux2014_x86_64 --implementation cp --abi cpXY name==version} — the <em>same pinned
 * version</em>, x86_64 whatever the function's architecture, interpreter version the machine's own;</li>
 * <li>{@code _download_sdists} / {@code _build_sdists}: what still has no accepted wheel is built from its sdist
 * on the deploying machine (a {@link SdistBuilder} seam; without one it is reported as "would build");</li>
 * <li>{@code _apply_wheel_whitelist}: sqlalchemy, pyyaml and pyrsistent are shipped with the wheel pip gave;</li>
 * <li>{@code build_site_packages} raising {@code MissingDependencyError}: everything else is left out, and
 * Chalice only prints {@code MISSING_DEPENDENCIES_TEMPLATE} and deploys anyway.</li>
 * </ol>
 */
public final class ChaliceDependencyBuilder {

    /** pip's platforms for {@code --platform manylinux2014_x86_64} ({@code _custom_manylinux_platforms}). */
    private static final List<String> PIP_MANYLINUX_PLATFORMS = List.of("manylinux2014_x86_64", "manylinux2010_x86_64",
            "manylinux1_x86_64");

    /**
     * Builds an sdist into a wheel as {@code pip wheel --no-deps} on the deploying machine would ({@code
     * PipRunner.build_wheel}), where layerfit can: {@link ChaliceSdistBuilds} builds pure-Python sdists with the
     * local Python (package {@code python.build}).
     */
    @FunctionalInterface
    public interface SdistBuilder {

        /** What became of building {@code sdist} of {@code project}, downloaded from {@code client}'s index. */
        SdistResult build(IndexFile sdist, String project, IndexClient client);

        /** Builds nothing: each sdist is reported as one Chalice would try to build. */
        SdistBuilder NONE = (sdist, project, client) -> SdistResult.unknown("layerfit was not asked to build sdists");
    }

    /**
     * The outcome of an sdist build.
     *
     * @param wheel the built wheel (Chalice ships the same one), or null
     * @param fails true when Chalice's own build fails the same way (the distribution is then left out)
     * @param why   what happened, one phrase: a note for a built wheel, the reason otherwise
     */
    public record SdistResult(Path wheel, boolean fails, String why) {

        public static SdistResult built(Path wheel, String note) {
            return new SdistResult(wheel, false, note);
        }

        /** Chalice tries the build; layerfit cannot tell whether it works there. */
        public static SdistResult unknown(String why) {
            return new SdistResult(null, false, why);
        }

        /** The build fails, as Chalice's would. */
        public static SdistResult failed(String why) {
            return new SdistResult(null, true, why);
        }
    }

    /**
     * A wheel Chalice installs.
     *
     * @param name    normalised project name
     * @param version the version
     * @param file    the wheel as the index lists it (or a local built wheel: {@code local} is then set)
     * @param local   a locally built wheel, or null
     * @param how     which step chose it, for notes
     */
    public record Wheel(String name, String version, IndexFile file, Path local, String how) {
    }

    /**
     * A distribution Chalice does not install.
     *
     * @param name       normalised project name
     * @param version    the pinned version
     * @param wouldBuild true when Chalice would try to build its sdist (not counted, not a failure); false when it is
     *                   simply left out (the function then fails at import)
     * @param reason     why, one phrase ("numpy 2.4.6 has wheels only for manylinux_2_28; python3.11 runs glibc 2.26")
     */
    public record Omission(String name, String version, boolean wouldBuild, String reason) {
    }

    /**
     * What Chalice installs for a project.
     *
     * @param wheels    installed wheels, by name
     * @param omissions what it leaves out or would build
     * @param notes     notes (how versions were chosen, index warnings)
     */
    public record Plan(List<Wheel> wheels, List<Omission> omissions, List<String> notes) {

        public Plan {
            wheels = List.copyOf(wheels);
            omissions = List.copyOf(omissions);
            notes = List.copyOf(notes);
        }

        public static Plan empty() {
            return new Plan(List.of(), List.of(), List.of());
        }

        /** Only the distributions Chalice leaves out (not those it would build). */
        public List<Omission> leftOut() {
            return omissions.stream().filter(o -> !o.wouldBuild()).toList();
        }
    }

    private final IndexSettings index;
    private final SdistBuilder sdists;

    public ChaliceDependencyBuilder(IndexSettings index, SdistBuilder sdists) {
        this.index = index;
        this.sdists = sdists;
    }

    /** {@code _has_at_least_one_package}: some line that is neither blank nor starts with {@code #}. */
    public static boolean hasAtLeastOnePackage(Path requirements) {
        if (!Files.isRegularFile(requirements)) {
            return false;
        }
        try {
            for (String line : dev.layerfit.io.InputFiles.readUtf8(requirements, "the requirements file").lines().toList()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    return true;
                }
            }
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new dev.layerfit.error.BadInputException(requirements + " is not UTF-8 text; Chalice reads it as UTF-8 and "
                    + "stops with a UnicodeDecodeError: save it as UTF-8", e);
        } catch (IOException e) {
            throw new dev.layerfit.error.BadInputException("cannot read " + requirements + " (" + e.getMessage()
                    + "); check its permissions", e);
        }
    }

    /** What Chalice installs from {@code requirements} for {@code runtime}, run on {@code machine}. */
    public Plan plan(Path requirements, DeployingMachine machine, PythonRuntime runtime) {
        if (!hasAtLeastOnePackage(requirements)) {
            return Plan.empty();
        }
        List<String> notes = new ArrayList<>();
        String glibc = machine.glibc();
        if (glibc == null) {
            glibc = runtime.glibcVersion();
            notes.add(machine.description() + " is not glibc Linux; layerfit chose versions as pip would on Linux with glibc "
                    + glibc + " (pip there may pick other wheels first; the versions rarely differ)");
        }
        Architecture machineArch = machine.machine().equals("aarch64") ? Architecture.ARM64 : Architecture.X86_64;
        PythonTarget machineTarget = new PythonTarget(PythonRuntime.custom(machine.pythonVersion(), glibc), machineArch);
        Lock lock;
        try {
            // pip download on the deploying machine reads any sdist's metadata, native code or not
            lock = Locker.fromEnvironment(Locker.DEFAULT_THREADS).readingNativeSdistMetadata().lock(new LockRequest(
                    List.of(requirements), machineTarget, index.indexUrl(), index.extraIndexUrls(), index.findLinks(),
                    index.noIndex(), index.pre()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read pip's configuration", e);
        }
        notes.add("versions chosen as `pip download -r requirements.txt` chooses them on " + machine.description());
        notes.addAll(lock.warnings());
        IndexClient client = index.client(List.of(requirements));
        String abi = ChaliceWheelCheck.abi(runtime.pythonVersion());
        List<Wheel> wheels = new ArrayList<>();
        List<Omission> omissions = new ArrayList<>();
        for (LockedPackage p : lock.packages()) {
            String name = p.pin().name();
            String version = p.pin().version().toString();
            IndexFile first = PinnedSet.indexFile(p);
            if (ChaliceWheelCheck.compatible(abi, p.pin().filename())) {
                wheels.add(new Wheel(name, version, first, null, "pip download"));
                continue;
            }
            List<IndexFile> files = versionFiles(client, name, p.pin().version());
            Optional<IndexFile> manylinux = pipManylinuxChoice(files, machine.interpreterTag(), abi);
            if (manylinux.isPresent() && ChaliceWheelCheck.compatible(abi, manylinux.get().filename())) {
                wheels.add(new Wheel(name, version, manylinux.get(), null, "pip download --platform manylinux2014_x86_64"));
                continue;
            }
            // _apply_wheel_whitelist runs on the downloaded .whl files only (an sdist is never whitelisted)
            if (ChaliceWheelCheck.WHITELIST.contains(name) && first.isWheel()) {
                wheels.add(new Wheel(name, version, first, null, "Chalice's whitelist"));
                continue;
            }
            Optional<IndexFile> sdist = files.stream().filter(f -> !f.isWheel()).findFirst();
            if (sdist.isEmpty() && !first.isWheel()) {
                sdist = Optional.of(first);
            }
            if (sdist.isPresent()) {
                // _download_sdists + _build_sdists: pip wheel --no-deps on the deploying machine, with then without C
                String label = sdist.get().filename();
                String noWheel = name + " " + version + " has " + wheelSummary(files, abi, runtime);
                SdistResult built = nativeCode(files)
                        ? SdistResult.unknown("its wheels are platform-specific, so the sdist has native code, which layerfit does"
                                + " not compile")
                        : sdists.build(sdist.get(), name, client);
                if (built.wheel() != null && ChaliceWheelCheck.compatible(abi, built.wheel().getFileName().toString())) {
                    wheels.add(new Wheel(name, version, sdist.get(), built.wheel(), "built from " + label));
                    notes.add(noWheel + ", so Chalice builds " + label + " with pip wheel on the deploying machine; "
                            + built.why() + ", and it is counted");
                    continue;
                }
                if (built.fails()) {
                    omissions.add(new Omission(name, version, false, noWheel + ", and its sdist " + label
                            + " does not build (" + built.why() + "); Chalice's pip wheel fails the same way"));
                } else {
                    omissions.add(new Omission(name, version, true, noWheel + ", so Chalice tries to build " + label
                            + " with pip wheel on the deploying machine and ships it only if that works; layerfit did not build"
                            + " it (" + built.why() + "), so its files are not counted"));
                }
                continue;
            }
            omissions.add(new Omission(name, version, false, reason(name, version, files, abi, runtime)));
        }
        return new Plan(wheels, omissions, notes);
    }

    private static List<IndexFile> versionFiles(IndexClient client, String name, Version version) {
        List<IndexFile> out = new ArrayList<>();
        for (IndexFile f : client.files(name)) {
            if (DistributionFilenames.version(f.filename()).map(version::equals).orElse(false)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The wheel {@code pip download --only-binary=:all: --platform manylinux2014_x86_64 --implementation cp --abi
     * ABI} picks among {@code files}: pip's supported tags for that platform (packaging's {@code cpython_tags} then
     * {@code compatible_tags}, interpreter the machine's own), the best-ranked wheel.
     */
    static Optional<IndexFile> pipManylinuxChoice(List<IndexFile> files, String interpreter, String abi) {
        Map<Tag, Integer> rank = pipTags(interpreter, abi);
        IndexFile best = null;
        int bestRank = Integer.MAX_VALUE;
        for (IndexFile f : files) {
            Optional<WheelFilename> w = f.wheelFilename();
            if (w.isEmpty()) {
                continue;
            }
            for (Tag t : w.get().tags()) {
                Integer r = rank.get(t);
                if (r != null && r < bestRank) {
                    best = f;
                    bestRank = r;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static Map<Tag, Integer> pipTags(String interpreter, String abi) {
        List<Tag> tags = new ArrayList<>();
        int minor = Integer.parseInt(interpreter.substring(3));
        for (String p : PIP_MANYLINUX_PLATFORMS) {
            tags.add(new Tag(interpreter, abi, p));
        }
        for (String p : PIP_MANYLINUX_PLATFORMS) {
            tags.add(new Tag(interpreter, "abi3", p));
        }
        for (String p : PIP_MANYLINUX_PLATFORMS) {
            tags.add(new Tag(interpreter, "none", p));
        }
        for (int older = minor - 1; older > 1; older--) {
            for (String p : PIP_MANYLINUX_PLATFORMS) {
                tags.add(new Tag("cp3" + older, "abi3", p));
            }
        }
        List<String> pythons = new ArrayList<>(List.of("py3" + minor, "py3"));
        for (int older = minor - 1; older >= 0; older--) {
            pythons.add("py3" + older);
        }
        for (String py : pythons) {
            for (String p : PIP_MANYLINUX_PLATFORMS) {
                tags.add(new Tag(py, "none", p));
            }
        }
        tags.add(new Tag(interpreter, "none", "any"));
        for (String py : pythons) {
            tags.add(new Tag(py, "none", "any"));
        }
        Map<Tag, Integer> rank = new HashMap<>();
        for (int i = tags.size() - 1; i >= 0; i--) {
            rank.put(tags.get(i), i);
        }
        return rank;
    }

    /** Why Chalice finds no wheel it accepts: "numpy 2.4.6 has wheels only for manylinux_2_28; python3.11 runs glibc 2.26". */
    static String reason(String name, String version, List<IndexFile> files, String abi, PythonRuntime runtime) {
        String what = name + " " + version;
        boolean anyWheel = files.stream().anyMatch(IndexFile::isWheel);
        if (files.isEmpty()) {
            return what + " has no files in the index Chalice's second download can use";
        }
        if (!anyWheel) {
            return what + " has only an sdist, which Chalice could not build into a wheel Lambda accepts";
        }
        return what + " has " + wheelSummary(files, abi, runtime);
    }

    /** True when the version publishes a wheel for some platform: its sdist then builds native code. */
    static boolean nativeCode(List<IndexFile> files) {
        return files.stream().map(IndexFile::wheelFilename).flatMap(Optional::stream)
                .anyMatch(w -> w.tags().stream().anyMatch(t -> !t.platform().equals("any")));
    }

    private static String wheelSummary(List<IndexFile> files, String abi, PythonRuntime runtime) {
        if (files.stream().noneMatch(IndexFile::isWheel)) {
            return "only an sdist";
        }
        Set<String> glibcPlatforms = new TreeSet<>();
        Set<String> otherArchs = new TreeSet<>();
        Set<String> abis = new TreeSet<>();
        boolean abiMatches = false;
        for (IndexFile f : files) {
            Optional<WheelFilename> w = f.wheelFilename();
            if (w.isEmpty()) {
                continue;
            }
            for (Tag t : w.get().tags()) {
                boolean abiOk = t.abi().equals("none") || t.abi().equals(abi) || (t.interpreter().startsWith("cp3") && t.abi().equals("abi3"));
                abis.add(t.abi().equals("none") ? t.interpreter() : t.abi());
                if (!abiOk) {
                    continue;
                }
                abiMatches = true;
                String p = t.platform();
                if (p.endsWith("_x86_64") && p.startsWith("manylinux")) {
                    String g = ChaliceWheelCheck.minimumGlibc(List.of(p));
                    if (g != null) {
                        glibcPlatforms.add("manylinux_" + g.replace('.', '_'));
                    }
                } else if (p.startsWith("manylinux") || p.startsWith("musllinux") || p.startsWith("linux_")) {
                    otherArchs.add(p);
                } else if (!p.equals("any")) {
                    otherArchs.add(p);
                }
            }
        }
        String glibc = ChaliceWheelCheck.glibcFor(abi);
        if (!glibcPlatforms.isEmpty()) {
            String runs = glibc.equals(runtime.glibcVersion()) ? runtime.name() + " runs glibc " + glibc
                    : "Chalice checks " + runtime.name() + " wheels against glibc " + glibc + " (its _RUNTIME_GLIBC), though the runtime has "
                            + runtime.glibcVersion();
            return "wheels only for " + String.join(", ", glibcPlatforms) + "; " + runs;
        }
        if (abiMatches) {
            return "no x86_64 Linux wheel for " + abi + " (only " + String.join(", ", new LinkedHashSet<>(otherArchs)) + ")";
        }
        return "no wheel for " + abi + " (only for " + String.join(", ", abis) + ")";
    }
}
