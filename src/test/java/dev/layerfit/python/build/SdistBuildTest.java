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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sdists built per PEP 517 with the local python3, on small hand-made sdists whose backends (setuptools, hatchling,
 * flit-core) come from the machine's local index through layerfit's installer. Each sdist carries a fresh nonce so its
 * sha256 is new and the build really runs (the cache is keyed by it). Skipped, with a message, when the local index
 * or a python3 of 3.11 or newer is missing.
 */
class SdistBuildTest {

    @TempDir
    Path links;
    @TempDir
    Path work;
    List<String> indexFlags;

    @BeforeEach
    void needsIndexAndPython() {
        LocalIndex index = LocalIndex.require();
        assumeTrue(LocalPython.onPath().flatMap(LocalPython::inspect).isPresent(),
                "SKIPPED: no python3 of 3.11 or newer on this machine; sdist builds need one");
        for (String backend : List.of("setuptools", "hatchling", "flit-core")) {
            assumeTrue(!index.wheels(backend).isEmpty(), "SKIPPED: the local index has no " + backend + " wheel");
        }
        indexFlags = new ArrayList<>(List.of("--index-url", index.roots().get(0).toUri().toString()));
        for (Path extra : index.roots().subList(1, index.roots().size())) {
            indexFlags.addAll(List.of("--extra-index-url", extra.toUri().toString()));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonce() {
        return "# " + UUID.randomUUID() + "\n";
    }

    private CliRun resolve(String requirement, String... more) throws IOException {
        Path req = Files.writeString(work.resolve("requirements.txt"), requirement + "\n");
        List<String> args = new ArrayList<>(List.of("resolve", req.toString(), "--runtime", "python3.12", "--find-links",
                links.toString()));
        args.addAll(indexFlags);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /**
     * pip installs the written lock as its header says, with {@code --require-hashes} (building the sdist itself, for
     * this machine's Python: pip refuses sdists with {@code --python-version}); skipped without pip.
     */
    private void pipAcceptsTheLock(Path lock) throws IOException {
        List<String> pip = new ArrayList<>(List.of("pip", "install", "--require-hashes", "--no-deps", "--only-binary=:all:",
                "--no-binary=tinyset", "--dry-run", "--ignore-installed", "--quiet", "--disable-pip-version-check", "--target",
                work.resolve("pip-target").toString(), "--find-links", links.toString()));
        pip.addAll(indexFlags);
        pip.addAll(List.of("-r", lock.toString()));
        Process p;
        try {
            p = new ProcessBuilder(pip).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("SKIPPED: pip is not installed; the written lock is checked with it");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(p.waitFor()).as("pip --require-hashes on the lock:\n" + out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String good = Files.readString(lock);
        Files.writeString(lock, good.replaceFirst("(tinyset==1.0 \\\\\n    --hash=sha256:)[0-9a-f]", "$1x"));
        try {
            Process bad = new ProcessBuilder(pip).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(bad.waitFor()).as("pip refuses the lock with a wrong sdist hash, so the check above can fail").isNotZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.writeString(lock, good);
        }
    }

    @Test
    void setuptoolsSdistIsBuiltLockedByItsHashAndInstalledIntoTheLayer() throws IOException {
        Path sdist = SdistTarGz.write(links, "tinyset", "1.0", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                        + "[project]\nname = \"tinyset\"\nversion = \"1.0\"\ndependencies = [\"six\"]\n",
                "tinyset/__init__.py", nonce() + "VALUE = 42\n"));
        Path lock = work.resolve("requirements.lock");
        CliRun run = resolve("tinyset", "-o", lock.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("built tinyset-1.0-py3-none-any.whl from the sdist tinyset-1.0.tar.gz")
                .contains("setuptools.build_meta");
        assertThat(run.out()).contains("tinyset==1.0  tinyset-1.0.tar.gz").contains("six==");
        assertThat(Files.readString(lock)).contains("tinyset==1.0 \\\n    --hash=sha256:" + sha256(sdist))
                .contains("#   pip install --require-hashes --no-deps --only-binary=:all: --no-binary=tinyset -r <this file>");
        pipAcceptsTheLock(lock);

        Path layer = work.resolve("layer.zip");
        List<String> args = new ArrayList<>(List.of("build", lock.toString(), "--runtime", "python3.12", "--find-links",
                links.toString(), "-o", layer.toString()));
        args.addAll(indexFlags);
        CliRun build = CliRun.of(args.toArray(String[]::new));
        assertThat(build.exitCode()).as(build.err()).isZero();
        try (ZipIndex zip = ZipIndex.open(layer)) {
            List<String> names = zip.entries().stream().map(ArchiveEntry::name).toList();
            assertThat(names).contains("python/tinyset/__init__.py", "python/tinyset-1.0.dist-info/METADATA");
            assertThat(new String(zip.read("python/tinyset/__init__.py"))).contains("VALUE = 42");
        }
    }

    private CliRun plan(Path lock) {
        List<String> args = new ArrayList<>(List.of("plan", lock.toString(), "--runtime", "python3.12", "--find-links",
                links.toString()));
        args.addAll(indexFlags);
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void planMeasuresALockedSdistOnTheWheelBuiltFromIt() throws IOException {
        Path sdist = SdistTarGz.write(links, "tinyplan", "1.0", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"flit_core>=3.4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n"
                        + "[project]\nname = \"tinyplan\"\nversion = \"1.0\"\ndescription = \"x\"\n",
                "tinyplan/__init__.py", nonce() + "DATA = '" + "x".repeat(5000) + "'\n"));
        // a lock pinning the sdist, as pip-compile --generate-hashes writes it: plan must build it, as build does
        Path lock = Files.writeString(work.resolve("requirements.lock"), "tinyplan==1.0 \\\n    --hash=sha256:" + sha256(sdist) + "\n");
        CliRun run = plan(lock);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("built tinyplan-1\\.0-(py2\\.)?py3-none-any\\.whl from the sdist tinyplan-1\\.0\\.tar\\.gz")
                .containsPattern("tinyplan==1\\.0 +[45]\\.[0-9] KiB");
    }

    @Test
    void planRefusesALockedSdistWithACExtensionInOneSentence() throws IOException {
        Path sdist = SdistTarGz.write(links, "tinycplan", "1.0", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n",
                "setup.py", nonce() + "from setuptools import setup, Extension\n"
                        + "setup(name='tinycplan', version='1.0', ext_modules=[Extension('tinycplan', ['tinycplan.c'])])\n",
                "tinycplan.c", "#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, \"tinycplan\", 0, -1, 0};\n"
                        + "PyMODINIT_FUNC PyInit_tinycplan(void) { return PyModule_Create(&m); }\n"));
        Path lock = Files.writeString(work.resolve("requirements.lock"), "tinycplan==1.0 \\\n    --hash=sha256:" + sha256(sdist) + "\n");
        CliRun run = plan(lock);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("tinycplan has no wheel for the target and its sdist tinycplan-1.0.tar.gz builds")
                .contains("not a pure py3-none-any wheel").contains("layerfit dockerfile").doesNotContain("Exception");
    }

    @Test
    void hatchlingSdist() throws IOException {
        SdistTarGz.write(links, "tinyhatch", "2.0", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
                        + "[project]\nname = \"tinyhatch\"\nversion = \"2.0\"\n",
                "src/tinyhatch/__init__.py", nonce()));
        CliRun run = resolve("tinyhatch");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("built tinyhatch-2\\.0-(py2\\.)?py3-none-any\\.whl").contains("hatchling.build");
    }

    @Test
    void flitCoreSdist() throws IOException {
        SdistTarGz.write(links, "tinyflit", "0.3", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"flit_core>=3.4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n"
                        + "[project]\nname = \"tinyflit\"\nversion = \"0.3\"\ndescription = \"x\"\n",
                "tinyflit/__init__.py", nonce()));
        CliRun run = resolve("tinyflit");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("built tinyflit-0\\.3-(py2\\.)?py3-none-any\\.whl").contains("flit_core.buildapi");
    }

    @Test
    void aCExtensionIsRefused() throws IOException {
        SdistTarGz.write(links, "tinyc", "1.0", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n",
                "setup.py", nonce() + "from setuptools import setup, Extension\n"
                        + "setup(name='tinyc', version='1.0', ext_modules=[Extension('tinyc', ['tinyc.c'])])\n",
                "tinyc.c", "#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, \"tinyc\", 0, -1, 0};\n"
                        + "PyMODINIT_FUNC PyInit_tinyc(void) { return PyModule_Create(&m); }\n"));
        CliRun run = resolve("tinyc");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("tinyc has no wheel for the target and its sdist tinyc-1.0.tar.gz builds")
                .containsAnyOf("refused", "not a pure py3-none-any wheel").contains("layerfit dockerfile")
                .doesNotContain("Exception");
    }

    @Test
    void aFailingBuildShowsItsOutput() throws IOException {
        SdistTarGz.write(links, "tinyboom", "1.0", Map.of(
                "setup.py", nonce() + "raise SystemExit('tinyboom cannot be built: missing libfoo')\n"));
        Path lock = work.resolve("boom.lock");
        CliRun run = resolve("tinyboom", "-o", lock.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(lock).as("nothing written").doesNotExist();
        assertThat(run.err()).contains("building tinyboom from tinyboom-1.0.tar.gz failed")
                .contains("tinyboom cannot be built: missing libfoo").doesNotContain("at dev.layerfit");
    }

    @Test
    void aBackendNotOnTheIndexIsNamed() throws IOException {
        SdistTarGz.write(links, "tinyghost", "1.0", Map.of(
                "pyproject.toml", "[build-system]\nrequires = [\"no-such-backend-xyz\"]\nbuild-backend = \"ghost.api\"\n",
                "x.py", nonce()));
        Path lock = work.resolve("ghost.lock");
        CliRun run = resolve("tinyghost", "-o", lock.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(lock).as("nothing written").doesNotExist();
        assertThat(run.err()).contains("the build requirements of tinyghost-1.0.tar.gz (no-such-backend-xyz) cannot be "
                + "installed from the index");
    }

    @Test
    void aHangingBuildIsStoppedAtTheTimeLimit() throws IOException {
        SdistTarGz.write(links, "tinyhang", "1.0", Map.of(
                "setup.py", nonce() + "print('about to hang', flush=True)\nimport time\ntime.sleep(600)\n"));
        System.setProperty("layerfit.sdistBuildTimeout", "5");
        try {
            Path lock = work.resolve("hang.lock");
            CliRun run = resolve("tinyhang", "-o", lock.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(lock).as("nothing written").doesNotExist();
            assertThat(run.err()).contains("took longer than 5 s and was stopped").contains("about to hang");
        } finally {
            System.clearProperty("layerfit.sdistBuildTimeout");
        }
    }
}
