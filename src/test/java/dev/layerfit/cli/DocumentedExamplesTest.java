package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.LocalIndex;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.MotoServer;
import dev.layerfit.aws.MotoServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every {@code layerfit …} example of README.md and of every command's help footer runs as written, from the root of
 * a scratch copy of {@code examples/} with a fresh HOME, and exits with the code it states (see
 * {@link DocumentedExample} for the convention). {@code layerfit} is a script on PATH that runs this build's classes.
 * Examples that talk to AWS run against the tests' moto server ({@code AWS_ENDPOINT_URL}, fake credentials,
 * {@code AWS_REGION=ap-northeast-2}, the seed app's), holding what the examples name (see {@link #seed}). Examples that resolve take the local
 * PyPI index as pip's configuration ({@code PIP_INDEX_URL}); without it they are skipped with a message.
 */
class DocumentedExamplesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    static List<DocumentedExample> all() throws IOException {
        List<DocumentedExample> all = new ArrayList<>(
                DocumentedExample.fromMarkdown("README.md", Files.readString(ROOT.resolve("README.md"))));
        all.addAll(DocumentedExample.fromHelp(CommandTree.full()));
        return all;
    }

    @Test
    void theExamplesAreFoundAndEachExclusionSaysWhy() throws IOException {
        List<DocumentedExample> all = all();
        assertThat(all).as("README and help examples").hasSizeGreaterThan(40);
        assertThat(all).filteredOn(e -> e.source().startsWith("README.md")).hasSizeGreaterThan(25);
        assertThat(all).filteredOn(e -> e.source().equals("layerfit check --help")).isNotEmpty();
        assertThat(all).filteredOn(e -> e.notRun().isPresent()).allSatisfy(e ->
                assertThat(e.notRun().get()).as(e.toString()).hasSizeGreaterThan(10));
        // exclusions stay the exception: only what needs a real account or a tool this machine lacks
        assertThat(all).filteredOn(e -> e.notRun().isPresent()).hasSizeLessThan(all.size() / 5);
    }

    @Test
    void theConventionReadsExitCodesAndExclusions() {
        DocumentedExample fits = DocumentedExample.of("x", "layerfit check examples/sam-app   # SAM").orElseThrow();
        assertThat(fits.expectedExit()).isZero();
        assertThat(fits.command()).isEqualTo("layerfit check examples/sam-app");
        DocumentedExample fails = DocumentedExample.of("x", "./layerfit check examples/seed-app --stage prod  # exits 1: it does not fit")
                .orElseThrow();
        assertThat(fails.expectedExit()).isEqualTo(1);
        assertThat(fails.command()).isEqualTo("layerfit check examples/seed-app --stage prod");
        DocumentedExample quoted = DocumentedExample.of("x", "layerfit explain \"size # 1\" # exit 2").orElseThrow();
        assertThat(quoted.command()).isEqualTo("layerfit explain \"size # 1\"");
        assertThat(quoted.expectedExit()).isEqualTo(2);
        assertThat(DocumentedExample.of("x", "chalice deploy 2>&1 | layerfit explain -  # not run: needs chalice")
                .orElseThrow().notRun()).contains("needs chalice");
        assertThat(DocumentedExample.of("x", "pip install -r requirements.lock")).isEmpty();
        assertThat(DocumentedExample.fromMarkdown("m", "```yaml\nlayerfit x\n```\n```sh\nlayerfit a \\\n    --b c\n```\n"))
                .extracting(DocumentedExample::command).containsExactly("layerfit a --b c");
        assertThat(DocumentedExample.fromMarkdown("m", "```sh\ncd examples/inputs\nlayerfit a\n```\n```sh\nlayerfit b\n```\n"))
                .extracting(DocumentedExample::dir).containsExactly("examples/inputs", "");
        assertThat(DocumentedExample.fromMarkdown("m", "```sh\n# exits 1: it does not fit\nlayerfit a \\\n  --b\nlayerfit c\n```\n"))
                .extracting(DocumentedExample::expectedExit).containsExactly(1, 0);
    }

    @TestFactory
    Stream<DynamicTest> everyLocalExampleRunsWithTheExitCodeItStates() throws IOException {
        return all().stream().filter(e -> !e.needsAws())
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> run(e, Map.of())));
    }

    @TestFactory
    @ExtendWith(MotoServerExtension.class)
    Stream<DynamicTest> everyAwsExampleRunsAgainstMotoWithTheExitCodeItStates(MotoServer moto) throws IOException {
        Map<String, String> aws = Map.of("AWS_ENDPOINT_URL", moto.uri().toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "ap-northeast-2");
        return all().stream().filter(DocumentedExample::needsAws)
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    assumeTrue(e.notRun().isEmpty(), "SKIPPED (the example says why): " + e.notRun().orElse(""));
                    moto.reset();
                    seed(moto, e.command().contains("function:api") || e.command().contains("--function-name api"));
                    run(e, aws);
                }));
    }

    /**
     * What the AWS examples name, in moto's account 123456789012: the seed app's layer {@code shuking-utils-layer}
     * versions 1–4 and bucket {@code my-artifacts} in its region ap-northeast-2, and, for the examples that name it,
     * function {@code api} in eu-west-1 (only for them: moto serves no function code, so {@code audit} runs on an
     * account without functions).
     */
    private static void seed(MotoServer moto, boolean withFunction) throws IOException {
        byte[] zip = zip("python/deps.py", "VALUE = 1\n");
        AwsClients seoul = AwsClients.of(moto.settings("ap-northeast-2"));
        try (LambdaClient lambda = seoul.lambda(); S3Client s3 = seoul.s3()) {
            for (int v = 1; v <= 4; v++) {
                lambda.publishLayerVersion(b -> b.layerName("shuking-utils-layer").compatibleRuntimesWithStrings("python3.12")
                        .content(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
            }
            s3.createBucket(b -> b.bucket("my-artifacts").createBucketConfiguration(c -> c.locationConstraint("ap-northeast-2")));
        }
        if (!withFunction) {
            return;
        }
        try (LambdaClient lambda = AwsClients.of(moto.settings("eu-west-1")).lambda()) {
            String role = moto.createRole("lambda-examples");
            lambda.createFunction(b -> b.functionName("api").runtime("python3.12").role(role).handler("app.handler")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        }
    }

    private static void run(DocumentedExample e, Map<String, String> extraEnv) throws Exception {
        assumeTrue(e.notRun().isEmpty(), "SKIPPED (the example says why): " + e.notRun().orElse(""));
        List<Path> indexRoots = e.needsIndex() ? LocalIndex.require().roots() : LocalIndex.find().roots();
        Path scratch = Files.createTempDirectory("layerfit-example-");
        try {
            copy(ROOT.resolve("examples"), scratch.resolve("examples"));
            Path home = scratch.resolve("home");
            // the folders a shell's completion goes into exist in a set-up HOME
            Files.createDirectories(home.resolve(".local/share/bash-completion/completions"));
            Files.createDirectories(home.resolve(".config/fish/completions"));
            Files.createDirectories(home.resolve(".zfunc"));
            Path bin = Files.createDirectories(scratch.resolve("bin"));
            Path launcher = bin.resolve("layerfit");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cache = System.getProperty("layerfit.cache.dir", scratch.resolve("cache").toString());
            Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -Xshare:auto '-Dlayerfit.cache.dir="
                    + cache + "' -cp '" + System.getProperty("java.class.path") + "' dev.layerfit.cli.Main \"$@\"\n");
            launcher.toFile().setExecutable(true);

            ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", e.command())
                    .directory(scratch.resolve(e.dir()).toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("PIP_") || k.startsWith("UV_")
                    || k.startsWith("LAYERFIT_") || k.equals("COLUMNS") || k.equals("JAVA_TOOL_OPTIONS"));
            env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
            env.put("HOME", home.toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("PIP_CONFIG_FILE", "/dev/null");
            if (!indexRoots.isEmpty()) {
                env.put("PIP_INDEX_URL", indexRoots.get(0).toUri().toString());
                if (indexRoots.size() > 1) {
                    env.put("PIP_EXTRA_INDEX_URL", String.join(" ",
                            indexRoots.subList(1, indexRoots.size()).stream().map(p -> p.toUri().toString()).toList()));
                }
            }
            env.putAll(extraEnv);
            Path out = scratch.resolve("stdout.txt");
            Path err = scratch.resolve("stderr.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) { // a guard against a hang, not a timing assertion
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(e + " did not finish within 300 s");
            }
            String stdout = tail(out);
            String stderr = tail(err);
            assertThat(p.exitValue()).as("%s%n-- stdout:%n%s%n-- stderr:%n%s", e, stdout, stderr).isEqualTo(e.expectedExit());
            assertThat(stderr).as(e.toString()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        } finally {
            delete(scratch);
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() > 4000 ? "…" + s.substring(s.length() - 4000) : s;
    }

    private static byte[] zip(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}
