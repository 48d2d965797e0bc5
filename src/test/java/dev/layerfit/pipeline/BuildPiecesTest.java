package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.resolve.PinnedPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache key, the top-level names for the import check, and hashed-lock detection. */
class BuildPiecesTest {

    @TempDir
    Path tmp;

    private static final PythonTarget TARGET = PythonTarget.of("python3.12", null, null, null);

    private static BuildRequest request(SlimOptions slim, LayerLayout layout, String version) {
        return new BuildRequest(List.of(), TARGET, layout, slim, IndexSettings.none(), Path.of("x.zip"), false, version);
    }

    private static PinnedSet pins(String sha) {
        return new PinnedSet(List.of(new LockedPackage(new PinnedPackage("demo", Version.parse("1.0"), "demo-1.0-py3-none-any.whl",
                "file:///x/demo-1.0-py3-none-any.whl", sha), List.of(sha))), false, List.of());
    }

    @Test
    void theKeyChangesWithEveryInputThatDecidesTheBytes() {
        SlimOptions safe = SlimOptions.of(SlimProfile.SAFE, TARGET.runtime());
        String base = BuildKey.of(pins("aa"), request(safe, LayerLayout.python(), "1.0"));
        assertThat(BuildKey.of(pins("aa"), request(safe, LayerLayout.python(), "1.0"))).isEqualTo(base);
        assertThat(List.of(
                BuildKey.of(pins("bb"), request(safe, LayerLayout.python(), "1.0")),
                BuildKey.of(pins("aa"), request(SlimOptions.of(SlimProfile.NONE, TARGET.runtime()), LayerLayout.python(), "1.0")),
                BuildKey.of(pins("aa"), request(new SlimOptions(SlimProfile.SAFE, TARGET.runtime(), List.of("drive.v3"), List.of(),
                        List.of()), LayerLayout.python(), "1.0")),
                BuildKey.of(pins("aa"), request(safe, LayerLayout.sitePackages(TARGET.runtime()), "1.0")),
                BuildKey.of(pins("aa"), request(safe, LayerLayout.python(), "1.1")))).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void topLevelNamesComeFromTopLevelTxtOrRecordWithoutPrivateAndTestNames() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("python"));
        Files.createDirectories(site.resolve("alpha"));
        Files.createDirectories(site.resolve("tests"));
        Files.writeString(site.resolve("beta.py"), "");
        Files.writeString(site.resolve("_private.py"), "");
        Files.writeString(site.resolve("gamma.cpython-312-x86_64-linux-gnu.so"), "");
        Path a = Files.createDirectories(site.resolve("alpha-1.0.dist-info"));
        Files.writeString(a.resolve("top_level.txt"), "alpha\ntests\nmissing\n");
        Path b = Files.createDirectories(site.resolve("beta-1.0.dist-info"));
        Files.writeString(b.resolve("RECORD"), "beta.py,sha256=x,0\n_private.py,,\ngamma.cpython-312-x86_64-linux-gnu.so,,\n"
                + "beta-1.0.dist-info/RECORD,,\nbin/tool,,\n");
        assertThat(TopLevelNames.of(site)).containsExactly("alpha", "beta", "gamma");
    }

    @Test
    void onlyFullyPinnedHashedFilesAreTakenAsLocks() throws Exception {
        Path lock = Files.writeString(tmp.resolve("a.lock"), "demo==1.0 --hash=sha256:" + "ab".repeat(32) + "\n");
        Path loose = Files.writeString(tmp.resolve("b.txt"), "demo>=1.0 --hash=sha256:" + "ab".repeat(32) + "\n");
        Path unhashed = Files.writeString(tmp.resolve("c.txt"), "demo==1.0\n");
        assertThat(Pinner.hashedLock(List.of(lock))).isPresent();
        assertThat(Pinner.hashedLock(List.of(lock, loose))).isEmpty();
        assertThat(Pinner.hashedLock(List.of(unhashed))).isEmpty();
    }
}
