package dev.layerfit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexOptions;
import dev.layerfit.python.index.MetadataUnavailableException;
import dev.layerfit.python.index.Netrc;
import dev.layerfit.python.index.RetryPolicy;
import dev.layerfit.python.index.UnknownProjectException;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.resolve.Candidate;
import dev.layerfit.python.resolve.DistributionFile;
import dev.layerfit.python.resolve.Resolution;
import dev.layerfit.python.resolve.ResolutionImpossibleException;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.resolve.Resolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resolver's view of an index: versions grouped from file names, metadata of the best wheel, prefetch on or off. */
class IndexPackageSourceTest {

    private static final ResolveTarget PY311_GLIBC226 = ResolveTarget.of("3.11", "x86_64", 2, 26);

    @TempDir
    Path links;
    @TempDir
    Path cache;
    WheelFolder folder;

    @BeforeEach
    void wheels() throws IOException {
        folder = new WheelFolder(links);
        folder.wheel("app", "1.0", "py3-none-any", "lib>=2", "extra-only; extra == \"x\"", "win-only; sys_platform == \"win32\"");
        folder.wheel("lib", "2.0", "py3-none-any", "leaf");
        folder.wheel("lib", "3.0", "cp311-cp311-manylinux_2_17_x86_64", "leaf<2");
        folder.wheel("lib", "3.0", "cp311-cp311-manylinux_2_34_x86_64", "leaf>=2");  // needs a newer glibc: not used
        folder.wheel("lib", "4.0", "cp311-cp311-manylinux_2_34_x86_64", "leaf");     // no wheel for glibc 2.26
        folder.wheel("leaf", "1.5", "py3-none-any");
        folder.wheel("leaf", "2.0", "py3-none-any");
        folder.other("leaf-3.0.tar.gz");
        folder.other("leaf-notaversion!.tar.gz");
        folder.other("leaf-README.txt");
    }

    private IndexClient client() {
        return IndexClient.create(new IndexOptions(IndexOptions.DEFAULT_INDEX_URL, List.of(), List.of(links.toString()), true),
                Netrc.empty(), RetryPolicy.standard(), cache);
    }

    @Test
    void versionsComeFromWheelAndSdistNamesAndUnparsableNamesAreIgnored() {
        try (IndexPackageSource source = new IndexPackageSource(client(), PY311_GLIBC226, false, 0)) {
            List<Candidate> leaf = source.versions("leaf");
            assertThat(leaf).extracting(c -> c.version().toString()).containsExactlyInAnyOrder("1.5", "2.0", "3.0");
            assertThat(source.files("leaf", Version.parse("3.0"))).extracting(DistributionFile::filename)
                    .containsExactly("leaf-3.0.tar.gz");
            assertThat(source.files("lib", Version.parse("3.0"))).hasSize(2);
        }
    }

    @Test
    void metadataIsThatOfTheWheelTheTargetWouldInstall() {
        try (IndexPackageSource source = new IndexPackageSource(client(), PY311_GLIBC226, false, 0)) {
            source.versions("lib");
            assertThat(source.metadata("lib", Version.parse("3.0")).requiresDist()).containsExactly(Requirement.parse("leaf<2"));
            source.versions("leaf");
            assertThatThrownBy(() -> source.metadata("leaf", Version.parse("3.0")))
                    .isInstanceOf(MetadataUnavailableException.class).hasMessageContaining("leaf-3.0.tar.gz");
        }
    }

    @ParameterizedTest(name = "{0} background threads")
    @ValueSource(ints = {0, 1, 12})
    void theResolutionIsTheSameWithOrWithoutPrefetching(int threads) {
        try (IndexPackageSource source = new IndexPackageSource(client(), PY311_GLIBC226, false, threads)) {
            Resolution r = new Resolver(source, PY311_GLIBC226).resolve(List.of(Requirement.parse("app")), List.of());
            assertThat(r.packages()).extracting(p -> p.name() + "==" + p.version() + " " + p.filename()).containsExactly(
                    "app==1.0 app-1.0-py3-none-any.whl",
                    "leaf==1.5 leaf-1.5-py3-none-any.whl",
                    "lib==3.0 lib-3.0-cp311-cp311-manylinux_2_17_x86_64.whl");
        }
    }

    @Test
    void anUnknownRequiredProjectIsTheIndexClientsTypedErrorAnUnknownDependencyHasNoVersions() throws IOException {
        folder.wheel("needs-ghost", "1.0", "py3-none-any", "ghost");
        try (IndexPackageSource source = new IndexPackageSource(client(), PY311_GLIBC226, false, 4)) {
            source.requireKnown(List.of("lef", "needs-ghost"));
            assertThatThrownBy(() -> new Resolver(source, PY311_GLIBC226).resolve(List.of(Requirement.parse("lef")), List.of()))
                    .isInstanceOf(UnknownProjectException.class).hasMessageContaining("did you mean 'leaf'?");
            assertThatThrownBy(() -> new Resolver(source, PY311_GLIBC226).resolve(List.of(Requirement.parse("needs-ghost")), List.of()))
                    .isInstanceOf(ResolutionImpossibleException.class).hasMessageContaining("ghost is not on the index");
            assertThat(new Resolver(source, PY311_GLIBC226).resolve(List.of(Requirement.parse("leaf")),
                    List.of(Requirement.parse("ghost<1"))).packages()).hasSize(1);
        }
    }
}
