package dev.layerfit.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The source checkout's {@code ./layerfit} with a real Java and the built jar: the start-up archive it makes on first
 * use (class-data sharing on Java 17–24, the AOT cache on 25+), once truncated and once garbled at the same size,
 * is never fatal: layerfit starts without it and says nothing about it. (The release archive's own launcher is
 * tested the same way in {@link ReleaseArchiveIT}.)
 */
class RepoLauncherStartupArchiveIT {

    private static final String VERSION = System.getProperty("layerfit.version", "0.1.0");

    @TempDir
    Path tmp;

    /** The JDK running the tests, and a JDK 25+ under /usr/lib/jvm when there is one (the other archive kind). */
    static Stream<Path> jdks() throws IOException {
        List<Path> found = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> list = Files.list(jvm)) {
                list.filter(d -> feature(d) >= 25 && Files.isExecutable(d.resolve("bin/java"))).sorted().limit(1).forEach(found::add);
            }
        }
        return found.stream();
    }

    private static int feature(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")).mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aTruncatedOrGarbledStartUpArchiveIsNeverFatal(Path jdk) throws Exception {
        Path jar = Shell.repo().resolve("target/layerfit.jar");
        assertThat(jar).as("built by ./mvnw package").isRegularFile();
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Shell.repo().resolve("layerfit"), checkout.resolve("layerfit"));
        Files.createDirectories(checkout.resolve("src/main"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.copy(jar, Files.createDirectories(checkout.resolve("target")).resolve("layerfit.jar"));
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(checkout.resolve("src/main"), old);
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), old);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("JAVA_HOME", jdk.toString());
        env.put("HOME", tmp.toString());

        Shell first = Shell.run(tmp, env, "bash", checkout.resolve("layerfit").toString(), "--version");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path archive;
        try (Stream<Path> list = Files.list(checkout.resolve("target"))) {
            archive = list.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).findFirst().orElse(null);
        }
        assumeTrue(archive != null, "SKIPPED: " + jdk + " made no start-up archive here, so there is none to damage");
        byte[] bytes = Files.readAllBytes(archive);

        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 3)); // truncated: its size is not the recorded one
        Shell truncated = Shell.run(tmp, env, "bash", checkout.resolve("layerfit").toString(), "--version");
        assertThat(truncated.exitCode()).as(truncated.err()).isZero();
        assertThat(truncated.out()).startsWith("layerfit " + VERSION);
        assertThat(truncated.err()).isEmpty();

        byte[] garbled = bytes.clone(); // same size, header overwritten: the JVM rejects it and starts without it
        for (int i = 0; i < 64; i++) {
            garbled[i] = (byte) 0x5a;
        }
        Files.write(archive, garbled);
        Shell bad = Shell.run(tmp, env, "bash", checkout.resolve("layerfit").toString(), "--version");
        assertThat(bad.exitCode()).as(bad.err()).isZero();
        assertThat(bad.out()).startsWith("layerfit " + VERSION);
        assertThat(bad.err()).isEmpty();
    }
}
