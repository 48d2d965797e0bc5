package dev.layerfit.python.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ZipIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --with-project}: small hand-made projects (setuptools, hatchling, flit-core) built into pure wheels per PEP 517
 * with the local python3, their backends installed from the local index by layerfit's installer, and installed into
 * the layer with their dependencies. Each project carries a fresh nonce so the build really runs (the wheel is cached
 * by the project files' sha256). Skipped, with a message, when the local index or a python3 of 3.11+ is missing.
 */
class WithProjectBuildTest {

    @TempDir
    Path work;
    List<String> indexFlags;

    @BeforeEach
    void needsIndexAndPython() {
        LocalIndex index = LocalIndex.require();
        assumeTrue(LocalPython.onPath().flatMap(LocalPython::inspect).isPresent(),
                "SKIPPED: no python3 of 3.11 or newer on this machine; --with-project builds need one");
        for (String backend : List.of("setuptools", "hatchling", "flit-core")) {
            assumeTrue(!index.wheels(backend).isEmpty(), "SKIPPED: the local index has no " + backend + " wheel");
        }
        indexFlags = new ArrayList<>(List.of("--index-url", index.roots().get(0).toUri().toString()));
        for (Path extra : index.roots().subList(1, index.roots().size())) {
            indexFlags.addAll(List.of("--extra-index-url", extra.toUri().toString()));
        }
    }

    private Path project(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir;
    }

    private static String nonce() {
        return "# " + UUID.randomUUID() + "\n";
    }

    private CliRun run(String command, Path pyproject, String... more) {
        List<String> args = new ArrayList<>(List.of(command, pyproject.toString(), "--with-project", "--runtime", "python3.12"));
        args.addAll(indexFlags);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void setuptoolsProjectWithDynamicDependenciesGoesIntoTheLayerAndItsFolderIsLeftAlone() throws IOException {
        Path dir = project("tinyapp", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                        + "[project]\nname = \"tinyapp\"\nversion = \"1.0\"\ndynamic = [\"dependencies\"]\n\n"
                        + "[tool.setuptools.dynamic]\ndependencies = {file = [\"requirements.in\"]}\n",
                "requirements.in", "six\n",
                "tinyapp/__init__.py", nonce() + "VALUE = 42\n",
                ".venv/pyvenv.cfg", "home = /usr/bin\n",
                ".git/HEAD", "ref: refs/heads/main\n"));
        List<String> before = tree(dir);
        Path layer = work.resolve("layer.zip");
        CliRun build = run("build", dir.resolve("pyproject.toml"), "-o", layer.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out() + build.err()).doesNotContain("only in this machine's cache")
                .contains("built tinyapp-1.0-py3-none-any.whl from the project folder " + dir + " (--with-project)")
                .contains("setuptools.build_meta");
        try (ZipIndex zip = ZipIndex.open(layer)) {
            List<String> names = zip.entries().stream().map(ArchiveEntry::name).toList();
            assertThat(names).contains("python/tinyapp/__init__.py", "python/tinyapp-1.0.dist-info/METADATA", "python/six.py")
                    .noneMatch(n -> n.contains("pyvenv.cfg") || n.contains(".git/"));
            assertThat(new String(zip.read("python/tinyapp/__init__.py"))).contains("VALUE = 42");
        }
        // built on a copy: no build/, *.egg-info or anything else appears in the user's project
        assertThat(tree(dir)).isEqualTo(before);

        Path lock = work.resolve("requirements.lock");
        CliRun again = run("resolve", dir.resolve("pyproject.toml"), "-o", lock.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("using tinyapp-1.0-py3-none-any.whl, built earlier from the project folder")
                .containsPattern("tinyapp-1\\.0-py3-none-any\\.whl \\(--with-project\\) is only in this machine's cache: the lock "
                        + "needs --find-links \\S+ to be built later");
        assertThat(again.out()).contains("tinyapp==1.0").contains("six==");
        assertThat(Files.readString(lock)).contains("--with-project").contains("tinyapp==1.0 \\\n    --hash=sha256:");

        // the lock builds the same layer when the cached wheel's folder is a find-links location, as the note says
        String links = again.err().replaceAll("(?s).*the lock needs --find-links (\\S+) to be built later.*", "$1");
        List<String> args = new ArrayList<>(List.of("build", lock.toString(), "--runtime", "python3.12", "--find-links", links,
                "-o", work.resolve("from-lock.zip").toString()));
        args.addAll(indexFlags);
        CliRun fromLock = CliRun.of(args.toArray(String[]::new));
        assertThat(fromLock.exitCode()).as(fromLock.err()).isZero();
        assertThat(sha256(work.resolve("from-lock.zip"))).isEqualTo(sha256(layer));
    }

    @Test
    void hatchlingProjectWithAnExtraAndAGroup() throws IOException {
        Path dir = project("tinyhatchapp", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
                        + "[project]\nname = \"tinyhatchapp\"\nversion = \"2.0\"\ndependencies = [\"six\"]\n\n"
                        + "[project.optional-dependencies]\ndates = [\"python-dateutil\"]\n\n"
                        + "[dependency-groups]\nextra-tools = [\"idna\"]\n",
                "src/tinyhatchapp/__init__.py", nonce()));
        CliRun run = run("resolve", dir.resolve("pyproject.toml"), "--extra", "dates", "--group", "extra-tools");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("built tinyhatchapp-2\\.0-(py2\\.)?py3-none-any\\.whl").contains("hatchling.build");
        assertThat(run.out()).contains("tinyhatchapp==2.0", "python-dateutil==", "six==", "idna==");
    }

    @Test
    void flitCoreProject() throws IOException {
        Path dir = project("tinyflitapp", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"flit_core>=3.4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n"
                        + "[project]\nname = \"tinyflitapp\"\nversion = \"0.3\"\ndescription = \"x\"\n",
                "tinyflitapp/__init__.py", nonce()));
        CliRun run = run("resolve", dir.resolve("pyproject.toml"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("built tinyflitapp-0\\.3-(py2\\.)?py3-none-any\\.whl").contains("flit_core.buildapi");
        assertThat(run.out()).contains("tinyflitapp==0.3");
    }

    @Test
    void aProjectWithACExtensionIsRefusedAndNothingIsWritten() throws IOException {
        Path dir = project("tinycapp", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                        + "[project]\nname = \"tinycapp\"\nversion = \"1.0\"\n",
                "setup.py", nonce() + "from setuptools import setup, Extension\n"
                        + "setup(ext_modules=[Extension('tinycapp', ['tinycapp.c'])])\n",
                "tinycapp.c", "#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, \"tinycapp\", 0, -1, 0};\n"
                        + "PyMODINIT_FUNC PyInit_tinycapp(void) { return PyModule_Create(&m); }\n"));
        Path layer = work.resolve("c.zip");
        CliRun run = run("build", dir.resolve("pyproject.toml"), "-o", layer.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--with-project: tinycapp in " + dir + " builds tinycapp-1.0-cp311-cp311-")
                .contains("which is not a pure py3-none-any wheel").contains("leave --with-project out").doesNotContain("Exception");
        assertThat(layer).doesNotExist();
    }

    @Test
    void aFailingProjectBuildShowsItsOutputAndNothingIsWritten() throws IOException {
        Path dir = project("tinybadapp", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                        + "[project]\nname = \"tinybadapp\"\nversion = \"1.0\"\n",
                "setup.py", nonce() + "raise SystemExit('tinybadapp: missing libfoo')\n"));
        Path lock = work.resolve("bad.lock");
        CliRun run = run("resolve", dir.resolve("pyproject.toml"), "-o", lock.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("building tinybadapp in " + dir + " failed").contains("tinybadapp: missing libfoo")
                .contains("leave --with-project out").doesNotContain("at dev.layerfit");
        assertThat(lock).doesNotExist();
    }

    @Test
    void aBackendNotOnTheIndexIsNamedAndNothingIsWritten() throws IOException {
        Path dir = project("tinyghostapp", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"no-such-backend-xyz\"]\nbuild-backend = \"ghost.api\"\n\n"
                        + "[project]\nname = \"tinyghostapp\"\nversion = \"1.0\"\n",
                "tinyghostapp.py", nonce()));
        Path layer = work.resolve("ghost.zip");
        CliRun run = run("build", dir.resolve("pyproject.toml"), "-o", layer.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("the build requirements of tinyghostapp (no-such-backend-xyz) cannot be installed from "
                + "the index").doesNotContain("Exception");
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(layer).doesNotExist();
    }
}
