package dev.layerfit.python.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code build} from every input format gives the same layer, byte for byte, as from the equivalent requirements file
 * (real wheels from the local index, Python 3.11 / glibc 2.34); {@code resolve -o pylock.toml} writes a lock that
 * packaging's PEP 751 reader accepts and that builds the same layer again. Skipped when the index is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockInputBuildTest {

    @RegisterExtension
    static final OwnCacheExtension CACHE = new OwnCacheExtension();

    @TempDir
    static Path tmp;

    private LocalIndex index;
    private String expectedSha;

    @BeforeAll
    void buildFromRequirements() throws Exception {
        index = LocalIndex.require();
        for (String f : List.of("uv.lock", "pylock.toml", "poetry.lock", "Pipfile.lock", "pyproject.toml", "requirements.txt")) {
            String text = Files.readString(RequirementsInputsTest.FIXTURES.resolve(f));
            Path files = index.wheel("requests", "requests-2.34.2").getParent();
            Files.writeString(tmp.resolve(f), text.replace("@FILES@", files.toUri().toString()));
        }
        expectedSha = build("from-requirements", tmp.resolve("requirements.txt").toString()).get("sha256").asText();
    }

    private CliRun run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(more));
        args.addAll(List.of("--python-version", "3.11", "--glibc", "2.34", "--json"));
        for (Path root : index.roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private JsonNode build(String name, String... input) throws Exception {
        List<String> args = new ArrayList<>(List.of(input));
        args.addAll(List.of("--slim", "none", "-o", tmp.resolve(name + ".zip").toString()));
        CliRun r = run("build", args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyLockAndThePyprojectBuildTheSameLayerAsTheRequirements() throws Exception {
        assertThat(build("uv", tmp.resolve("uv.lock").toString(), "--extra", "dates").get("sha256").asText()).isEqualTo(expectedSha);
        assertThat(build("pylock", tmp.resolve("pylock.toml").toString()).get("sha256").asText()).isEqualTo(expectedSha);
        assertThat(build("poetry", tmp.resolve("poetry.lock").toString()).get("sha256").asText()).isEqualTo(expectedSha);
        assertThat(build("pipfile", tmp.resolve("Pipfile.lock").toString()).get("sha256").asText()).isEqualTo(expectedSha);
        assertThat(build("pyproject", tmp.resolve("pyproject.toml").toString(), "--extra", "dates").get("sha256").asText())
                .isEqualTo(expectedSha);
        JsonNode specifiers = build("specifiers", "requests==2.34.2", "python-dateutil==2.9.0.post0");
        assertThat(specifiers.get("sha256").asText()).isEqualTo(expectedSha);
        assertThat(Files.mismatch(tmp.resolve("uv.zip"), tmp.resolve("from-requirements.zip"))).isEqualTo(-1L);
    }

    @Test
    void theWrittenPylockIsReadByPackagingAndBuildsTheSameLayer() throws Exception {
        Path lock = tmp.resolve("pylock.toml.d").resolve("pylock.toml");
        Files.createDirectories(lock.getParent());
        CliRun r = run("resolve", tmp.resolve("requirements.txt").toString(), "-o", lock.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = Files.readString(lock);
        assertThat(text).contains("lock-version = \"1.0\"", "created-by = \"layerfit\"", "requires-python = \"==3.11.*\"",
                "platform_machine == \\\"x86_64\\\"", "name = \"requests-2.34.2-py3-none-any.whl\"", "size = ",
                "sha256 = \"2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0\"");
        assertThat(build("from-written-pylock", lock.toString()).get("sha256").asText()).isEqualTo(expectedSha);
        // packaging >= 25.1 has a PEP 751 reader (packaging.pylock); pip 23 on this machine has none
        boolean packaging = python("import packaging.pylock");
        assumeTrue(packaging, "SKIPPED: python3 with packaging.pylock (packaging >= 25.1) is not on this machine");
        assertThat(python("import tomllib, packaging.pylock as p; l = p.Pylock.from_dict(tomllib.load(open('" + lock
                + "', 'rb'))); assert len(l.packages) == 7, l.packages")).isTrue();
    }

    @Test
    void aLockWithNoWheelForTheTargetNamesTheWheelsItHas() throws Exception {
        CliRun r = CliRun.of("build", tmp.resolve("uv.lock").toString(), "--python-version", "3.11", "--glibc", "2.34",
                "--arch", "arm64", "-o", tmp.resolve("arm.zip").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("charset-normalizer 3.5.2 has no wheel for it (the lock lists "
                + "charset_normalizer-3.5.2-cp311-cp311-macosx_10_9_universal2.whl, charset_normalizer-3.5.2-cp311-cp311-manylinux2014_x86_64");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(tmp.resolve("arm.zip")).doesNotExist();
    }

    private static boolean python(String code) throws Exception {
        try {
            Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() != 0 && !code.startsWith("import packaging.pylock")) {
                throw new AssertionError("python3 said: " + out);
            }
            return p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
