package dev.layerfit.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script ({@code .github/action/check.sh}, run by {@code action.yml}) run locally against the
 * bundled example, installing the locally built release archive, with fake GITHUB_STEP_SUMMARY and GITHUB_OUTPUT.
 */
class GithubActionIT {

    @TempDir
    Path tmp;

    private Map<String, String> env() throws Exception {
        Path example = tmp.resolve("repo");
        ReleaseArchiveIT.copy(Shell.repo().resolve("examples/seed-app"), example);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        env.put("RUNNER_OS", "Linux");
        env.put("RUNNER_TOOL_CACHE", tmp.resolve("tool-cache").toString());
        env.put("GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
        env.put("GITHUB_OUTPUT", tmp.resolve("output.txt").toString());
        env.put("LAYERFIT_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("LAYERFIT_ARCHIVE", ReleaseArchiveIT.archive().toString());
        env.put("INPUT_PROJECT", ".");
        env.put("INPUT_STAGE", "prod");
        env.put("INPUT_VERSION", ReleaseArchiveIT.VERSION);
        env.put("INPUT_ARGS", "--markdown 'layerfit report.md'");
        return env;
    }

    private Shell action(Map<String, String> env) throws Exception {
        return Shell.run(tmp.resolve("repo"), env, "bash", Shell.repo().resolve(".github/action/check.sh").toString());
    }

    @Test
    void failsTheStepWhenTheExampleDoesNotFitAndWritesTheSummaryAndOutputs() throws Exception {
        Map<String, String> env = env();
        Shell s = action(env);
        assertThat(s.exitCode()).as(s.err()).isEqualTo(1);
        assertThat(s.out()).contains("::error", "DOES NOT FIT");
        assertThat(Files.readString(tmp.resolve("summary.md"))).contains("layerfit", "unzipped-total");
        assertThat(Files.readAllLines(tmp.resolve("output.txt"))).containsExactly("fits=false", "exit-code=1");
        assertThat(tmp.resolve("repo/layerfit report.md")).isRegularFile(); // the quoted argument stayed one word

        // the second run uses the installed copy: no archive needed
        env.put("LAYERFIT_ARCHIVE", tmp.resolve("no-such.tar.gz").toString());
        Shell again = action(env);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
        assertThat(Files.readAllLines(tmp.resolve("output.txt"))).containsExactly("fits=false", "exit-code=1", "fits=false",
                "exit-code=1");
    }

    @Test
    void anInstallFolderThatCannotBeWrittenIsOneSentence() throws Exception {
        Map<String, String> env = env();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        env.put("INPUT_INSTALL_DIR", file.resolve("layerfit").toString());
        Shell s = action(env);
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString()
                .isEqualTo("layerfit: cannot install layerfit into " + file.resolve("layerfit")
                        + " (not a writable folder); set the action's install-dir input to one.");
    }

    @Test
    void anExistingFolderThatRefusesNewFilesIsOneSentence() throws Exception {
        // tests run as root here, which may write anywhere permissions allow: sysfs refuses new files to everyone
        Path refusing = Path.of("/sys");
        boolean refuses;
        try {
            Files.delete(Files.createTempDirectory(refusing, ".layerfit"));
            refuses = false;
        } catch (java.io.IOException e) {
            refuses = true;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(refuses && Files.isDirectory(refusing),
                "SKIPPED: /sys accepts new folders on this machine; no folder that refuses them to test with");
        Map<String, String> env = env();
        env.put("INPUT_INSTALL_DIR", refusing.toString());
        Shell s = action(env);
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString().matches(
                "layerfit: cannot (install layerfit into /sys \\(not a writable folder\\)|write in /sys); set the action's "
                        + "install-dir input to (one|a writable folder)\\.");
        assertThat(Files.readAllLines(tmp.resolve("output.txt"))).containsExactly("exit-code=2");
    }

    @Test
    void aRunnerWithoutARelease() throws Exception {
        Map<String, String> env = env();
        env.put("RUNNER_ARCH", "s390x");
        Shell arch = action(env);
        assertThat(arch.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(arch.err())).containsExactly(
                "layerfit: there is no layerfit release for the s390x architecture (only x86_64 and arm64).");
        env.remove("RUNNER_ARCH");
        env.put("RUNNER_OS", "Windows");
        Shell os = action(env);
        assertThat(os.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(os.err())).containsExactly("layerfit: the layerfit action runs on Linux and macOS runners, not Windows.");
    }

    @Test
    void aDamagedArchiveIsOneSentence() throws Exception {
        Map<String, String> env = env();
        env.put("LAYERFIT_ARCHIVE", Files.writeString(tmp.resolve("broken.tar.gz"), "not a tar").toString());
        Shell s = action(env);
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString()
                .contains("the release archive for linux-").contains("is damaged or not a layerfit archive");
    }
}
