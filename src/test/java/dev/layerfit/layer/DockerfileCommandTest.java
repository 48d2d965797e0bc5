package dev.layerfit.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileCommandTest {

    @TempDir
    Path project;

    private void chaliceProject() throws IOException {
        Files.createDirectories(project.resolve(".chalice"));
        Files.writeString(project.resolve(".chalice/config.json"), "{\"app_name\": \"a\"}");
        Files.writeString(project.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='a')\n");
    }

    @Test
    void hashedLockOnArmForAChaliceApp() throws IOException {
        chaliceProject();
        Files.writeString(project.resolve("requirements.lock"), "six==1.16.0 \\\n    --hash=sha256:"
                + "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254\n");
        Path out = project.resolve("Dockerfile");
        CliRun run = CliRun.of("dockerfile", "--runtime", "python3.13", "--arch", "arm64", "--project", project.toString(),
                "requirements.lock", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String d = Files.readString(out);
        assertThat(d).contains("FROM public.ecr.aws/lambda/python:3.13-arm64\n", "--require-hashes",
                "COPY requirements.lock ${LAMBDA_TASK_ROOT}/requirements.txt", "CMD [\"app.app\"]",
                "docker build --platform linux/arm64").doesNotContain("no hashes");
        // everything installed is pinned (issue 14 item 8): chalice too, with where its version came from
        assertThat(d).contains("# chalice 1.32.0: the newest release layerfit knows",
                "RUN pip install --no-cache-dir chalice==1.32.0 --target").doesNotContainPattern("install --no-cache-dir chalice --");
    }

    @Test
    void chaliceIsPinnedFromTheProjectOrTheFlag() throws IOException {
        chaliceProject();
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest==8.3.3\nchalice==1.31.2\n");
        CliRun fromProject = CliRun.of("dockerfile", "--runtime", "python3.12", "--project", project.toString());
        assertThat(fromProject.exitCode()).as(fromProject.err()).isZero();
        assertThat(fromProject.out()).contains("# chalice 1.31.2: pinned in requirements-dev.txt", "pip install --no-cache-dir chalice==1.31.2 ");
        CliRun flag = CliRun.of("dockerfile", "--runtime", "python3.12", "--project", project.toString(), "--chalice-version", "1.30.0");
        assertThat(flag.out()).contains("chalice==1.30.0 ").doesNotContain("1.31.2");
        // requirements that install chalice themselves need no second install
        Files.writeString(project.resolve("requirements.txt"), "chalice==1.31.2\n");
        CliRun inReqs = CliRun.of("dockerfile", "--runtime", "python3.12", "--project", project.toString(), "requirements.txt");
        assertThat(inReqs.out()).doesNotContain("pip install --no-cache-dir chalice");
    }

    private List<String> indexFlags() {
        List<String> args = new ArrayList<>();
        for (Path root : LocalIndex.require().roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        return args;
    }

    @Test
    void aLayerfitLockForAnotherTargetIsRefusedOrReResolved() throws IOException {
        List<String> resolve = new ArrayList<>(List.of("resolve", "six==1.17.0", "--runtime", "python3.11",
                "-o", project.resolve("requirements.lock").toString()));
        resolve.addAll(indexFlags());
        CliRun locked = CliRun.of(resolve.toArray(String[]::new));
        assertThat(locked.exitCode()).as(locked.err()).isZero();

        CliRun refused = CliRun.of("dockerfile", "--runtime", "python3.12", "--arch", "arm64", "--project", project.toString(),
                "requirements.lock");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("requirements.lock is locked for python3.11", "on x86_64", "--re-resolve",
                "layerfit resolve requirements.lock --runtime python3.12 --arch arm64").doesNotContain("Exception");
        assertThat(refused.out()).isEmpty();

        List<String> again = new ArrayList<>(List.of("dockerfile", "--runtime", "python3.12", "--arch", "arm64", "--project",
                project.toString(), "requirements.lock", "--re-resolve"));
        again.addAll(indexFlags());
        CliRun reResolved = CliRun.of(again.toArray(String[]::new));
        assertThat(reResolved.exitCode()).as(reResolved.err()).isZero();
        assertThat(reResolved.out()).contains("FROM public.ecr.aws/lambda/python:3.12-arm64", "COPY <<\"REQUIREMENTS\"",
                "six==1.17.0 --hash=sha256:", "--require-hashes");
    }

    @Test
    void aLockWithoutWheelsForTheTargetIsRefused() throws IOException {
        Files.writeString(project.resolve("pylock.toml"), Files.readString(Path.of("src/test/resources/inputs/pylock.toml"))
                .replace("@FILES@", "file:///nowhere/"));
        CliRun refused = CliRun.of("dockerfile", "--runtime", "python3.12", "--project", project.toString(), "pylock.toml");
        assertThat(refused.exitCode()).as(refused.out()).isEqualTo(2);
        assertThat(refused.err()).contains("pylock.toml is locked without wheels for it: charset-normalizer 3.5.2",
                "runs python3.12", "--re-resolve");
        CliRun fits = CliRun.of("dockerfile", "--python-version", "3.11", "--glibc", "2.34", "--project", project.toString(), "pylock.toml");
        assertThat(fits.exitCode()).as(fits.err()).isZero();
    }

    @Test
    void unhashedRequirementsSayHowToLockThem() throws IOException {
        Files.writeString(project.resolve("requirements.txt"), "six\n");
        CliRun run = CliRun.of("dockerfile", "--runtime", "python3.11", "--project", project.toString(), "requirements.txt");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("FROM public.ecr.aws/lambda/python:3.11-x86_64", "layerfit resolve requirements.txt"
                + " --runtime python3.11 -o requirements.lock").doesNotContain("--require-hashes").contains("CMD [\"app.handler\"]");
    }

    @Test
    void badInputIsExitTwo() throws IOException {
        assertThat(CliRun.of("dockerfile", "--project", project.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("dockerfile", "--runtime", "python2.7").err()).contains("python2.7");
        CliRun missing = CliRun.of("dockerfile", "--runtime", "python3.12", "--project", project.toString(), "nope.txt");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such requirements file");
    }
}
