package dev.layerfit.python.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.OwnCacheExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files made by the real tools this machine can run, from the local index: {@code pip freeze} (pip 23, in a
 * fresh venv) and {@code pip lock} (pip 26's PEP 751 writer, installed into a venv from the local index). Each builds
 * the same layer as the equivalent requirements. Skipped with a message when python3, the index or pip 26 is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealToolInputsTest {

    @RegisterExtension
    static final OwnCacheExtension CACHE = new OwnCacheExtension();

    static final List<String> REQUIREMENTS = List.of("requests==2.34.2", "python-dateutil==2.9.0.post0",
            "exceptiongroup; python_version < \"3.11\"");

    @TempDir
    static Path tmp;

    private LocalIndex index;
    private Path venv;
    private String expectedSha;

    @BeforeAll
    void venvAndReferenceBuild() throws Exception {
        index = LocalIndex.require();
        assumeTrue(run(List.of("python3", "-m", "venv", tmp.resolve("venv").toString())) == 0,
                "SKIPPED: python3 -m venv is not available on this machine");
        venv = tmp.resolve("venv");
        Path reqs = Files.write(tmp.resolve("requirements.txt"), REQUIREMENTS);
        expectedSha = build("reference", reqs);
    }

    private List<String> pip(String... args) {
        List<String> cmd = new ArrayList<>(List.of(venv.resolve("bin/pip").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--retries", "0", "--index-url", index.roots().get(0).toUri().toString()));
        return cmd;
    }

    @Test
    void pipFreezeOutputBuildsTheSameLayer() throws Exception {
        Path site = tmp.resolve("freeze-target");
        List<String> install = pip("install", "-q", "--only-binary", ":all:", "--target", site.toString());
        install.addAll(REQUIREMENTS);
        assertThat(run(install)).isZero();
        Path frozen = tmp.resolve("frozen.txt");
        ProcessBuilder pb = new ProcessBuilder(venv.resolve("bin/pip").toString(), "freeze", "--path", site.toString())
                .redirectOutput(frozen.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        assertThat(pb.start().waitFor()).isZero();
        assertThat(Files.readString(frozen)).contains("requests==2.34.2", "six==1.17.0");
        assertThat(build("frozen", frozen)).isEqualTo(expectedSha);
    }

    @Test
    void pip26sPylockBuildsTheSameLayer() throws Exception {
        assumeTrue(!index.wheels("pip").stream().filter(w -> w.getFileName().toString().startsWith("pip-26")).toList().isEmpty(),
                "SKIPPED: no pip 26 wheel (pip lock, PEP 751) in the local index");
        assertThat(run(pip("install", "-q", "pip==" + pipVersion()))).isZero();
        Path lock = tmp.resolve("pip-lock").resolve("pylock.toml");
        Files.createDirectories(lock.getParent());
        List<String> cmd = pip("lock", "-q", "--only-binary", ":all:", "-o", lock.toString());
        cmd.addAll(REQUIREMENTS);
        assertThat(run(cmd)).isZero();
        assertThat(Files.readString(lock)).contains("created-by = \"pip\"");
        assertThat(build("pip-pylock", lock)).isEqualTo(expectedSha);
    }

    private String pipVersion() {
        String name = index.wheels("pip").stream().map(w -> w.getFileName().toString()).filter(n -> n.startsWith("pip-26"))
                .findFirst().orElseThrow();
        return name.split("-")[1];
    }

    private String build(String name, Path input) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", input.toString(), "--python-version", "3.11", "--glibc", "2.34",
                "--slim", "none", "--json", "-o", tmp.resolve(name + ".zip").toString()));
        for (Path root : index.roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("sha256").asText();
    }

    private static int run(List<String> cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
