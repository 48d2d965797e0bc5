package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.OwnCacheExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code build}: one clear line, exit 2, nothing at the output path, no temporary files left. */
class BuildFailureTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    @TempDir
    Path tmp;

    private FakeIndex index;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        index = new FakeIndex(tmp.resolve("simple"));
        out = Files.createDirectories(tmp.resolve("out")).resolve("layer.zip");
    }

    private CliRun build(Path requirements, String... more) {
        String[] base = {"build", requirements.toString(), "--runtime", "python3.12", "--index-url", index.url(), "-o",
            out.toString()};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private Path requirements(String text) throws Exception {
        return Files.writeString(tmp.resolve("requirements.txt"), text);
    }

    private void assertNothingLeft() throws Exception {
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertThat(s.toList()).as("temporary files next to the output").isEmpty();
        }
        Path builds = cache.dir().resolve("builds");
        if (Files.isDirectory(builds)) {
            try (Stream<Path> s = Files.list(builds)) {
                assertThat(s.filter(p -> p.getFileName().toString().startsWith("tmp-")).toList()).isEmpty();
            }
        }
    }

    @Test
    void aGoodWheelBuildsAndAHashedLockIsTakenAsIs() throws Exception {
        Path wheel = index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n"), null, false);
        CliRun r = build(requirements("demo==1.0 --hash=sha256:" + FakeIndex.sha256(wheel) + "\n"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).exists();
        assertThat(r.out()).contains("\"packages\" : [ \"demo==1.0\" ]");
        assertThat(Pinner.hashedLock(java.util.List.of(tmp.resolve("requirements.txt")))).isPresent();
    }

    @Test
    void aLockHashTheIndexDoesNotOfferIsRefused() throws Exception {
        index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n"), null, false);
        CliRun r = build(requirements("demo==1.0 --hash=sha256:" + "ab".repeat(32) + "\n"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no wheel of demo==1.0").contains("hashes").contains("layerfit resolve");
        assertNothingLeft();
    }

    @Test
    void aWheelThatDiffersFromItsIndexHashIsRefused() throws Exception {
        Path wheel = index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n"), null, false);
        Path page = wheel.resolveSibling("index.html");
        String promised = Files.readString(page);
        index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 2\n"), null, false);
        Files.writeString(page, promised); // the file changed after the page promised its hash
        CliRun r = build(requirements("demo==1.0\n"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("sha256");
        assertNothingLeft();
    }

    @Test
    void aWheelWhoseRecordDisagreesIsRefused() throws Exception {
        index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n"), null, true);
        CliRun r = build(requirements("demo==1.0\n"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("RECORD").doesNotContain("Exception");
        assertNothingLeft();
    }

    @Test
    void aPathEscapingTheLayerIsRefused() throws Exception {
        index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n", "../../escape.py", "evil\n"), null, false);
        CliRun r = build(requirements("demo==1.0\n"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("escape.py");
        assertNothingLeft();
        assertThat(tmp.resolve("escape.py")).doesNotExist();
    }

    @Test
    void aWriteFailureSaysNothingWasWritten() throws Exception {
        index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n"), null, false);
        Path blocked = Files.writeString(tmp.resolve("not-a-folder"), "a file where the output folder should be");
        CliRun r = CliRun.of("build", requirements("demo==1.0\n").toString(), "--runtime", "python3.12", "--index-url",
                index.url(), "-o", blocked.resolve("layer.zip").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nothing was written").hasLineCount(1);
        assertThat(Files.readString(blocked)).isEqualTo("a file where the output folder should be");
    }
}
