package dev.layerfit.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source checkout's {@code ./layerfit} launcher, run with a PATH of chosen tools and fake java programs (each
 * says which it is and what it was asked to run), in a scratch copy of the checkout with an up-to-date jar, so
 * nothing is built.
 */
class RepoLauncherTest {

    private static final String[] TOOLS = {"bash", "sed", "head", "find", "cksum", "cut", "wc", "tr", "cat", "readlink",
        "mktemp", "rm", "env"};

    @TempDir
    Path tmp;
    Path checkout;
    Path tools;

    @BeforeEach
    void scratchCheckout() throws IOException {
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Shell.repo().resolve("layerfit"), checkout.resolve("layerfit"));
        Files.createDirectories(checkout.resolve("src/main"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Path jar = Files.createDirectories(checkout.resolve("target")).resolve("layerfit.jar");
        Files.writeString(jar, "not really a jar");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(checkout.resolve("src/main"), old);
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), old);
        tools = Shell.toolsOnly(tmp.resolve("tools"), TOOLS);
    }

    /** A fake JDK: bin/java answers -version like a real one and otherwise prints its version and arguments. */
    private Path fakeJdk(String name, String version, boolean releaseFile) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/bash\n"
                + "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version + "\" 2025-01-01' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do case \"$a\" in train-startup) exit 0 ;; esac; done\n"
                + "echo \"fake java " + version + ": $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (releaseFile) {
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    private Map<String, String> env(String path) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path);
        env.put("HOME", tmp.toString());
        return env;
    }

    private Shell launch(Map<String, String> env, String... args) throws Exception {
        String[] cmd = new String[args.length + 2];
        cmd[0] = tools.resolve("bash").toString();
        cmd[1] = checkout.resolve("layerfit").toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        return Shell.run(tmp, env, cmd);
    }

    @Test
    void noJavaAtAllIsOneSentenceAndExitTwo() throws Exception {
        Shell s = launch(env(tools.toString()), "--version");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString()
                .startsWith("layerfit: no Java found").contains("JAVA_HOME is not set", "JDK 17", "self-contained");
        assertThat(s.out()).isEmpty();
    }

    @Test
    void aJavaOlderThan17SaysWhatItFound() throws Exception {
        Path jdk11 = fakeJdk("jdk11", "11.0.2", false);
        Shell s = launch(env(jdk11.resolve("bin") + ":" + tools), "--version");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString()
                .contains("needs Java 17 or newer", jdk11.resolve("bin/java") + " is Java 11");
    }

    @Test
    void aJavaHomeThatIsNotAJdkIsOneSentence() throws Exception {
        Map<String, String> env = env(tools.toString());
        env.put("JAVA_HOME", tmp.resolve("nothing-here").toString());
        Shell s = launch(env, "--version");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString()
                .contains("JAVA_HOME is " + tmp.resolve("nothing-here"), "not a JDK");
    }

    @Test
    void theNewestJavaGivenWins() throws Exception {
        Path jdk17 = fakeJdk("jdk17", "17.0.9", true);
        Path jdk21 = fakeJdk("jdk21", "21.0.4", false);
        Map<String, String> env = env(jdk21.resolve("bin") + ":" + tools);
        env.put("JAVA_HOME", jdk17.toString());
        Shell s = launch(env, "check", ".");
        assertThat(s.exitCode()).isZero();
        assertThat(s.out()).startsWith("fake java 21.0.4: ").contains("-jar " + checkout.resolve("target/layerfit.jar") + " check .");

        Path jdk25 = fakeJdk("jdk25", "25.0.1", true); // the release file is read, no -version run
        env.put("JAVA_HOME", jdk25.toString());
        assertThat(launch(env, "--version").out()).startsWith("fake java 25.0.1: ");
    }

    @Test
    void worksThroughASymlinkFromAnyFolder() throws Exception {
        Path jdk = fakeJdk("jdk17", "17.0.9", true);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/bin"));
        Files.createSymbolicLink(elsewhere.resolve("layerfit"), checkout.resolve("layerfit"));
        Path link2 = Files.createSymbolicLink(tmp.resolve("elsewhere/lf"), Path.of("bin/layerfit")); // relative, chained
        Map<String, String> env = env(jdk.resolve("bin") + ":" + tools);
        Shell s = Shell.run(Files.createDirectories(tmp.resolve("some/other/folder")), env,
                tools.resolve("bash").toString(), link2.toString(), "--version");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).contains("-jar " + checkout.resolve("target/layerfit.jar") + " --version");
    }
}
