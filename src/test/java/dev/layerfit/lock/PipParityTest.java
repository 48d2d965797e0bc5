package dev.layerfit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.python.pep508.ProjectName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * pip parity on real requirement sets ({@code src/test/resources/pip-parity/*.txt}) and the real local index:
 * {@code layerfit resolve} must pick exactly the versions and wheels {@code pip install --dry-run --report} picks for
 * the same target, or fail when pip fails. Targets: python3.11 (glibc 2.26, Python 3.11.14) and a custom Python 3.11.7
 * on glibc 2.34, both x86_64. pip evaluates the markers of dependencies ({@code python_full_version}, extras) with the
 * interpreter it runs on, whatever {@code --python-version} says, so this test needs pip on a Python 3.11 whose
 * patch release is on the same side of every marker in the sets as the targets' (this machine's python3 is 3.11.7;
 * the sets' markers test 3.11.0a7 and 3.11.3). pip's configuration applies to both tools; the index URLs are given to
 * both. Skipped, with a message, when pip or the local index is missing. {@code bench/pip-parity.sh} prints the same
 * comparison as a table.
 */
class PipParityTest {

    private static final Path SETS = Path.of("src/test/resources/pip-parity");

    @TempDir
    Path work;

    record Target(String label, String python, int glibcMinor, List<String> flags) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Target> targets = List.of(new Target("python3.11", "3.11.14", 26, List.of("--runtime", "python3.11")),
                new Target("3.11.7 glibc 2.34", "3.11.7", 34, List.of("--python-version", "3.11.7", "--glibc", "2.34")));
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SETS)) {
            for (Path set : files.sorted().toList()) {
                for (Target t : targets) {
                    out.add(Arguments.of(set.getFileName().toString().replace(".txt", ""), t));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void layerfitPicksWhatPipPicks(String set, Target target) throws Exception {
        List<String> indexFlags = indexFlags();
        Path requirements = SETS.resolve(set + ".txt");
        Path report = work.resolve("report.json");
        List<String> pip = new ArrayList<>(List.of("pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                "--disable-pip-version-check", "--target", work.resolve("t").toString(), "--report", report.toString(),
                "--only-binary=:all:", "--python-version", target.python(), "--implementation", "cp", "--abi", "cp311"));
        pip.addAll(platforms(target.glibcMinor()));
        pip.addAll(indexFlags);
        pip.addAll(List.of("-r", requirements.toString()));
        int pipExit = run(pip);

        List<String> args = new ArrayList<>(List.of("resolve", requirements.toString(), "--json"));
        args.addAll(target.flags());
        args.addAll(indexFlags);
        CliRun ours = CliRun.of(args.toArray(String[]::new));

        if (pipExit != 0) {
            assertThat(ours.exitCode()).as("pip failed, so must layerfit, with a derivation: " + ours.out() + ours.err()).isEqualTo(1);
            assertThat(ours.err()).contains("unsatisfiable");
            return;
        }
        assertThat(ours.exitCode()).as(ours.err()).isZero();
        TreeSet<String> pipPins = new TreeSet<>();
        for (JsonNode i : new ObjectMapper().readTree(report.toFile()).get("install")) {
            String url = i.get("download_info").get("url").asText();
            pipPins.add(ProjectName.canonicalize(i.get("metadata").get("name").asText()) + "==" + i.get("metadata").get("version").asText()
                    + " " + url.substring(url.lastIndexOf('/') + 1));
        }
        TreeSet<String> ourPins = new TreeSet<>();
        for (JsonNode p : new ObjectMapper().readTree(ours.out()).get("packages")) {
            ourPins.add(p.get("name").asText() + "==" + p.get("version").asText() + " " + p.get("filename").asText());
        }
        assertThat(ourPins).isNotEmpty().containsExactlyElementsOf(pipPins);
    }

    @Test
    void pipAcceptsTheLockWithRequireHashes() throws Exception {
        List<String> indexFlags = indexFlags();
        Path lock = work.resolve("requirements.lock");
        List<String> args = new ArrayList<>(List.of("resolve", SETS.resolve("seed-app.txt").toString(), "--python-version", "3.11",
                "--glibc", "2.34", "-o", lock.toString()));
        args.addAll(indexFlags);
        CliRun ours = CliRun.of(args.toArray(String[]::new));
        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(Files.readString(lock)).contains("numpy==2.2.6 \\\n    --hash=sha256:");
        List<String> pip = new ArrayList<>(List.of("pip", "install", "--require-hashes", "--no-deps", "--dry-run", "--ignore-installed",
                "--quiet", "--disable-pip-version-check", "--target", work.resolve("t").toString(), "--only-binary=:all:",
                "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311"));
        pip.addAll(platforms(34));
        pip.addAll(indexFlags);
        pip.addAll(List.of("-r", lock.toString()));
        assertThat(run(pip)).as("pip --require-hashes on the lock").isZero();

        Files.writeString(lock, Files.readString(lock).replaceFirst("(numpy==2.2.6 \\\\\n    --hash=sha256:)[0-9a-f]", "$1x"));
        assertThat(run(pip)).as("pip refuses a lock whose hash is wrong, so the check above can fail").isNotZero();
    }

    private List<String> indexFlags() {
        LocalIndex index = LocalIndex.require();
        assumeTrue(pipAvailable(), "SKIPPED: pip is not installed; the pip parity tests compare layerfit with it");
        assumeTrue(pipRunsOnPython311(), "SKIPPED: pip does not run on Python 3.11; pip evaluates dependency markers with "
                + "its own interpreter, so the parity sets need a Python 3.11 under pip");
        List<String> flags = new ArrayList<>(List.of("--index-url", index.roots().get(0).toUri().toString()));
        for (Path extra : index.roots().subList(1, index.roots().size())) {
            flags.addAll(List.of("--extra-index-url", extra.toUri().toString()));
        }
        return flags;
    }

    /** Every manylinux platform tag from glibc 2.{@code minor} down to 2.5 with the legacy aliases: pip does not expand them. */
    static List<String> platforms(int minor) {
        List<String> out = new ArrayList<>();
        for (int m = minor; m >= 5; m--) {
            out.addAll(List.of("--platform", "manylinux_2_" + m + "_x86_64"));
        }
        out.addAll(List.of("--platform", "manylinux2014_x86_64", "--platform", "manylinux2010_x86_64",
                "--platform", "manylinux1_x86_64", "--platform", "linux_x86_64"));
        return out;
    }

    private static boolean pipRunsOnPython311() {
        try {
            Process p = new ProcessBuilder("pip", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("(python 3.11)");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean pipAvailable() {
        try {
            return run(List.of("pip", "--version")) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        return p.exitValue();
    }
}
