package dev.layerfit.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import java.io.IOException;
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
