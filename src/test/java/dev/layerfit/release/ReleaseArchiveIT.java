package dev.layerfit.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release artifacts {@code ./mvnw -B -Prelease package} made (runs in {@code verify} of the release profile):
 * the self-contained archive unpacked into a temporary folder and run with no java on PATH, the runnable jar,
 * and the .deb's contents.
 */
class ReleaseArchiveIT {

    static final String VERSION = System.getProperty("layerfit.version", "0.1.0");
    /** What the archive's launcher may use: no java among them. */
    static final String[] TOOLS = {"bash", "uname", "readlink", "wc", "tr", "cat"};

    @TempDir
    static Path tmp;
    static Path home;
    static Path tools;
    static Path example;

    static String platform() {
        String arch = System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("x86_64")
                ? "x86_64" : "arm64";
        return (System.getProperty("os.name").startsWith("Mac") ? "macos" : "linux") + "-" + arch;
    }

    static Path archive() {
        return Shell.repo().resolve("target/layerfit-" + VERSION + "-" + platform() + ".tar.gz");
    }

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(archive()).as("built by ./mvnw -B -Prelease package").isRegularFile();
        Path dir = Files.createDirectories(tmp.resolve("unpacked"));
        Shell tar = Shell.run(dir, Map.of("PATH", "/usr/bin:/bin"), "tar", "-xzf", archive().toString());
        assertThat(tar.exitCode()).as(tar.err()).isZero();
        home = dir.resolve("layerfit-" + VERSION + "-" + platform());
        tools = Shell.toolsOnly(tmp.resolve("tools"), TOOLS);
        example = tmp.resolve("seed-app");
        copy(Shell.repo().resolve("examples/seed-app"), example);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.toString().contains("/.layerfit/")) {
                    Files.copy(p, t);
                }
            }
        }
    }

    static Map<String, String> noJava() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LAYERFIT_CACHE_DIR", tmp.resolve("cache").toString());
        return env;
    }

    static Shell layerfit(Path launcher, Path cwd, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = launcher.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Shell.run(cwd, noJava(), cmd);
    }

    @Test
    void theArchiveHoldsARuntimeWithOnlyTheNeededModulesAndAStartUpArchive() throws IOException {
        assertThat(home.resolve("bin/layerfit")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        String modules = Files.readAllLines(home.resolve("runtime/release")).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(modules).contains("java.base", "java.net.http", "jdk.crypto.ec")
                .doesNotContain("jdk.compiler", "jdk.jshell", "java.rmi", "jdk.jlink");
        boolean aot = Files.exists(home.resolve("lib/layerfit.aot"));
        Path startup = home.resolve(aot ? "lib/layerfit.aot" : "lib/layerfit.jsa");
        assertThat(startup).isRegularFile();
        assertThat(Files.readString(startup.resolveSibling(startup.getFileName() + ".size")).strip())
                .isEqualTo(Long.toString(Files.size(startup)));
        assertThat(Files.readString(home.resolve("lib/platform")).strip()).isEqualTo(platform());
    }

    @Test
    void theJarIsReadableByEveryUserAndCarriesNoPreJava6ClassesWhenLinkedFromJdk24() throws Exception {
        Path jar = home.resolve("lib/layerfit.jar");
        assertThat(java.nio.file.Files.getPosixFilePermissions(jar))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        String javaVersion = Files.readAllLines(home.resolve("runtime/release")).stream()
                .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow();
        int feature = Integer.parseInt(javaVersion.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1"));
        org.junit.jupiter.api.Assumptions.assumeTrue(feature >= 24, "runtime linked from Java " + feature + ": no ClassFile API");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            byte[] picocli = zip.getInputStream(zip.getEntry("picocli/CommandLine.class")).readAllBytes();
            int major = (picocli[6] & 0xff) << 8 | (picocli[7] & 0xff);
            assertThat(major).as("picocli.CommandLine's class file version (Maven's jar has 49)").isEqualTo(52);
        }
        Shell help = layerfit(home.resolve("bin/layerfit"), tmp, "analyze", "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: layerfit analyze");
    }

    @Test
    void checksTheBundledExampleWithNoJavaOnPath() throws Exception {
        Shell none = Shell.run(tmp, noJava(), tools.resolve("bash").toString(), "-c", "command -v java || echo none");
        assertThat(none.out().strip()).isEqualTo("none");

        Shell s = layerfit(home.resolve("bin/layerfit"), tmp, "check", example.toString(), "--stage", "prod");
        assertThat(s.exitCode()).as(s.err()).isEqualTo(1);
        assertThat(s.out()).contains("DOES NOT FIT: 265.9 MiB over the 250 MiB unzipped limit.")
                .contains("InvalidParameterValueException: Layers consume more than the available size of 262144000 bytes");
        assertThat(s.err()).doesNotContain("warning", "error");
    }

    @Test
    void worksThroughASymlinkFromAnyFolder() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("elsewhere/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("layerfit"), home.resolve("bin/layerfit"));
        Path cwd = Files.createDirectories(tmp.resolve("some/folder"));
        Shell s = layerfit(link, cwd, "--version");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).startsWith("layerfit " + VERSION + "\n");
        assertThat(s.err()).isEmpty();
    }

    @Test
    void leavesTheInstallFolderAsItWas() throws Exception {
        List<String> before = listing(home);
        assertThat(layerfit(home.resolve("bin/layerfit"), tmp, "analyze", example.resolve("layers/numpy.listing").toString())
                .exitCode()).isZero();
        assertThat(listing(home)).isEqualTo(before);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    @Test
    void aDamagedStartUpArchiveIsLeftOutNotFatal() throws Exception {
        Path copy = tmp.resolve("damaged");
        runnableCopy(home, copy);
        Path startup = Files.exists(copy.resolve("lib/layerfit.aot")) ? copy.resolve("lib/layerfit.aot") : copy.resolve("lib/layerfit.jsa");
        byte[] bytes = Files.readAllBytes(startup);

        Files.write(startup, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // truncated
        Shell truncated = layerfit(copy.resolve("bin/layerfit"), tmp, "--version");
        assertThat(truncated.exitCode()).as(truncated.err()).isZero();
        assertThat(truncated.out()).startsWith("layerfit " + VERSION);
        assertThat(truncated.err()).isEmpty();

        byte[] garbled = bytes.clone(); // same size, header overwritten
        for (int i = 0; i < 64; i++) {
            garbled[i] = (byte) 0x5a;
        }
        Files.write(startup, garbled);
        Shell bad = layerfit(copy.resolve("bin/layerfit"), tmp, "--version");
        assertThat(bad.exitCode()).as(bad.err()).isZero();
        assertThat(bad.out()).startsWith("layerfit " + VERSION);
        assertThat(bad.err()).isEmpty();
    }

    @Test
    void resolveStartsFromItsOwnCacheAndFallsBackToTheGeneralOneWhenThatIsDamaged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(home.resolve("lib/layerfit.aot")),
                "runtime linked from a JDK before 25: one class-data archive, no per-command cache");
        Path own = home.resolve("lib/layerfit-resolve.aot");
        assertThat(Files.readString(home.resolve("lib/layerfit-resolve.aot.size")).strip()).isEqualTo(Long.toString(Files.size(own)));
        assertThat(aotCacheOf(home, "resolve", "--help")).isEqualTo(own.toString());
        assertThat(aotCacheOf(home, "analyze", "--help")).isEqualTo(home.resolve("lib/layerfit.aot").toString());

        // a real resolve on it: the training index the archive itself writes
        Path index = tmp.resolve("training-index");
        Shell write = layerfit(home.resolve("bin/layerfit"), tmp, "dev", "train-startup", "--write-index", index.toString());
        assertThat(write.exitCode()).as(write.err()).isZero();
        Shell resolved = layerfit(home.resolve("bin/layerfit"), tmp, "resolve", index.resolve("requirements.txt").toString(),
                "--runtime", "python3.12", "--index-url", index.resolve("index/simple").toUri().toString());
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("demo==1.0", "helper==1.0", "six==1.16.0");

        Path copy = tmp.resolve("damaged-resolve-cache");
        runnableCopy(home, copy);
        byte[] bytes = Files.readAllBytes(copy.resolve("lib/layerfit-resolve.aot"));
        Files.write(copy.resolve("lib/layerfit-resolve.aot"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(aotCacheOf(copy, "resolve", "--help")).isEqualTo(copy.resolve("lib/layerfit.aot").toString());
    }

    /** A copy of the installation {@code from} that runs: its launcher and Java executable. */
    private static void runnableCopy(Path from, Path to) throws IOException {
        copy(from, to);
        for (String executable : new String[] {"bin/layerfit", "runtime/bin/java"}) {
            Files.setPosixFilePermissions(to.resolve(executable), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The AOT cache the launcher gives the JVM for these arguments (the JVM's own flag table says). */
    private static String aotCacheOf(Path home, String... args) throws Exception {
        Map<String, String> env = noJava();
        env.put("LAYERFIT_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        String[] cmd = new String[args.length + 1];
        cmd[0] = home.resolve("bin/layerfit").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Shell s = Shell.run(tmp, env, cmd);
        assertThat(s.exitCode()).as(s.err()).isZero();
        return Shell.lines(s.out()).stream().filter(l -> l.matches("\\s*ccstr AOTCache\\s*=.*")).findFirst()
                .map(l -> l.replaceAll("\\s*ccstr AOTCache\\s*=\\s*(\\S*).*", "$1")).orElseThrow();
    }

    @Test
    void anArchiveForAnotherPlatformSaysSo() throws Exception {
        Path copy = tmp.resolve("other-platform");
        copy(home.resolve("bin"), copy.resolve("bin"));
        copy(home.resolve("lib"), copy.resolve("lib"));
        Files.setPosixFilePermissions(copy.resolve("bin/layerfit"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        String other = platform().equals("linux-arm64") ? "linux-x86_64" : "linux-arm64";
        Files.writeString(copy.resolve("lib/platform"), other + "\n");
        Shell s = layerfit(copy.resolve("bin/layerfit"), tmp, "--version");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(Shell.lines(s.err())).singleElement().asString()
                .isEqualTo("layerfit: this layerfit archive is built for " + other + " but this machine is " + platform()
                        + "; download layerfit-" + VERSION + "-" + platform() + ".tar.gz instead (or run layerfit-"
                        + VERSION + ".jar with Java 17+).");
    }

    @Test
    void theRunnableJarNeedsOnlyJava() throws Exception {
        Path jar = Shell.repo().resolve("target/layerfit-" + VERSION + ".jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Shell s = Shell.run(tmp, Map.of("PATH", "/usr/bin:/bin"), java.toString(), "-jar", jar.toString(), "--version");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).startsWith("layerfit " + VERSION + "\n");
    }

    @Test
    void theDebInstallsTheArchiveUnderUsrLibWithLayerfitOnPath() throws Exception {
        Path deb = Shell.repo().resolve("target/layerfit_" + VERSION + "_" + (platform().endsWith("x86_64") ? "amd64" : "arm64") + ".deb");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")),
                "dpkg-deb is not installed: no .deb to look at");
        assertThat(deb).isRegularFile();
        Shell info = Shell.run(tmp, Map.of("PATH", "/usr/bin:/bin"), "dpkg-deb", "--field", deb.toString(), "Package", "Version");
        assertThat(info.out()).contains("Package: layerfit", "Version: " + VERSION);
        Path root = Files.createDirectories(tmp.resolve("deb-root"));
        assertThat(Shell.run(tmp, Map.of("PATH", "/usr/bin:/bin"), "dpkg-deb", "-x", deb.toString(), root.toString()).exitCode()).isZero();
        Path onPath = root.resolve("usr/bin/layerfit");
        assertThat(Files.isSymbolicLink(onPath)).isTrue();
        Shell s = layerfit(onPath, tmp, "--version");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).startsWith("layerfit " + VERSION);
    }
}
