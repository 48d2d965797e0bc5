package dev.layerfit.python.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.error.LayerfitException;
import dev.layerfit.python.pep508.Requirement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static final ResolveTarget PY312 = ResolveTarget.of("3.12", "x86_64", 2, 34);
    private static final ResolveTarget PY311 = ResolveTarget.of("3.11", "x86_64", 2, 26);

    private static List<Requirement> reqs(String... lines) {
        return Arrays.stream(lines).map(Requirement::parse).toList();
    }

    private static Map<String, String> pins(Resolution r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.packages().forEach(p -> out.put(p.name(), p.version().toString()));
        return out;
    }

    private static Map<String, String> resolve(InMemorySource s, String... requirements) {
        return pins(new Resolver(s, PY312).resolve(reqs(requirements), List.of()));
    }

    private static String failure(InMemorySource s, ResolveTarget target, String... requirements) {
        try {
            new Resolver(s, target).resolve(reqs(requirements), List.of());
        } catch (ResolutionImpossibleException e) {
            assertThat(e.kind()).isEqualTo(LayerfitException.Kind.CHECK_FAILED);
            return e.getMessage();
        }
        throw new AssertionError("expected the resolution to fail");
    }

    @Test
    void picksNewestAndBacktracks() {
        InMemorySource s = new InMemorySource()
                .add("a", "1.0.0").add("a", "2.0.0")
                .add("b", "1.0.0", "c").add("b", "2.0.0", "a==1.0.0");
        assertThat(resolve(s, "a", "b")).containsExactly(Map.entry("a", "1.0.0"), Map.entry("b", "2.0.0"));
    }

    @Test
    void explainsAConflictWithTheOriginalSpecifiers() {
        InMemorySource s = new InMemorySource()
                .add("a", "1.0.0", "c==1.0.0").add("b", "1.0.0", "c==2.0.0")
                .add("c", "1.0.0").add("c", "2.0.0");
        String message = failure(s, PY312, "a", "b");
        assertThat(message).contains("b==1.0.0 depends on c==2.0.0").contains("a==1.0.0 depends on c==1.0.0")
                .endsWith("the requirements are unsatisfiable.");
    }

    @Test
    void explainsAMissingPackage() {
        InMemorySource s = new InMemorySource().add("a", "1.0.0", "c");
        assertThat(failure(s, PY312, "a>=1"))
                .isEqualTo("Because no other version of a is available and a==1.0.0 depends on c, a depends on c.\n"
                        + "And because c is not on the index, a cannot be used.\n"
                        + "And because root depends on a>=1, the requirements are unsatisfiable.");
    }

    @Test
    void extrasAddTheirRequirementsAndPinTheBase() {
        InMemorySource s = new InMemorySource()
                .add("a", "1.0.0", "b; extra == \"x\"", "c; extra == 'y'").add("a", "2.0.0", "b>=9; extra == 'x'")
                .add("b", "1.0.0").add("c", "1.0.0");
        assertThat(resolve(s, "a[x]")).containsExactly(Map.entry("a", "1.0.0"), Map.entry("b", "1.0.0"));
        assertThat(resolve(s, "a")).containsExactly(Map.entry("a", "2.0.0"));
    }

    @Test
    void markersAreEvaluatedForTheTarget() {
        InMemorySource s = new InMemorySource()
                .add("a", "1.0.0", "win; sys_platform == 'win32'", "old; python_version < '3.12'", "lin; sys_platform == 'linux'")
                .add("lin", "1.0.0");
        assertThat(resolve(s, "a")).containsExactly(Map.entry("a", "1.0.0"), Map.entry("lin", "1.0.0"));
    }

    @Test
    void yankedVersionsOnlyWhenPinned() {
        InMemorySource s = new InMemorySource().add("a", "1.0.0")
                .addFiles("a", "2.0.0", null, List.of(InMemorySource.wheel("a", "2.0.0", "py3-none-any", true)));
        assertThat(resolve(s, "a")).containsEntry("a", "1.0.0");
        assertThat(resolve(s, "a==2.0.0")).containsEntry("a", "2.0.0");
        assertThat(failure(s, PY312, "a>1")).contains("a==2.0.0 is yanked");
    }

    @Test
    void preReleasesOnlyWhenAskedOrAlone() {
        InMemorySource s = new InMemorySource().add("a", "1.0.0").add("a", "2.0.0b1");
        assertThat(resolve(s, "a")).containsEntry("a", "1.0.0");
        assertThat(resolve(s, "a>=2.0.0b1")).containsEntry("a", "2.0.0b1");
        assertThat(resolve(s, "a>1")).containsEntry("a", "2.0.0b1");
        assertThat(pins(new Resolver(s, PY312, true).resolve(reqs("a"), List.of()))).containsEntry("a", "2.0.0b1");
    }

    @Test
    void constraintsRestrictWithoutRequiring() {
        InMemorySource s = new InMemorySource().add("a", "1.0.0", "b").add("b", "1.0.0").add("b", "2.0.0")
                .add("z", "1.0.0");
        Resolution r = new Resolver(s, PY312).resolve(reqs("a"), reqs("b<2", "z==1.0.0"));
        assertThat(pins(r)).containsExactly(Map.entry("a", "1.0.0"), Map.entry("b", "1.0.0"));
        assertThat(s.listed).as("a constraint on a project nothing requires reads nothing of it").doesNotContain("z")
                .contains("a", "b");
    }

    @Test
    void localVersionsFollowPep440Matching() {
        InMemorySource s = new InMemorySource().add("a", "1.0.0", "b==2.0.0").add("b", "2.0.0+cpu").add("b", "2.0.0+aaa");
        assertThat(resolve(s, "a")).containsEntry("b", "2.0.0+cpu");
        assertThat(resolve(s, "a", "b==2.0.0+aaa")).containsEntry("b", "2.0.0+aaa");
    }

    @Test
    void noUsableWheelSaysWhichTagsExistAndWhatToPin() {
        InMemorySource s = new InMemorySource()
                .addFiles("numpy", "2.2.6", null, List.of(
                        InMemorySource.wheel("numpy", "2.2.6", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", false)))
                .addFiles("numpy", "2.4.6", null, List.of(
                        InMemorySource.wheel("numpy", "2.4.6", "cp311-cp311-manylinux_2_28_x86_64", false),
                        InMemorySource.wheel("numpy", "2.4.6", "cp311-cp311-manylinux_2_28_aarch64", false),
                        InMemorySource.sdist("numpy", "2.4.6")));
        String message = failure(s, PY311, "numpy>=2.3");
        assertThat(message).contains("numpy==2.4.6 has no wheel for python3.11 (glibc 2.26, x86_64)")
                .contains("ships only manylinux_2_28_x86_64 wheels and an sdist")
                .contains("Hint: pin numpy<2.4.6 (2.2.6 has a usable wheel) or use a target with glibc 2.28 or newer.");
        Resolution ok = new Resolver(s, PY311).resolve(reqs("numpy"), List.of());
        assertThat(ok.packages().get(0).filename()).isEqualTo("numpy-2.2.6-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    }

    @Test
    void choosesTheMostPreferredWheel() {
        InMemorySource s = new InMemorySource().addFiles("a", "1.0.0", null, List.of(
                InMemorySource.wheel("a", "1.0.0", "py3-none-any", false),
                InMemorySource.wheel("a", "1.0.0", "cp312-cp312-manylinux_2_17_x86_64", false),
                InMemorySource.wheel("a", "1.0.0", "cp312-abi3-manylinux_2_17_x86_64", false)));
        PinnedPackage p = new Resolver(s, PY312).resolve(reqs("a"), List.of()).packages().get(0);
        assertThat(p.filename()).isEqualTo("a-1.0.0-cp312-cp312-manylinux_2_17_x86_64.whl");
        assertThat(p.url()).isEqualTo("https://files.example/a-1.0.0-cp312-cp312-manylinux_2_17_x86_64.whl");
    }

    @Test
    void requiresPythonFromMetadataExcludesVersions() {
        InMemorySource s = new InMemorySource().add("a", "1.0.0").addFiles("a", "2.0.0", ">=3.13",
                List.of(InMemorySource.wheel("a", "2.0.0", "py3-none-any", false)));
        assertThat(resolve(s, "a")).containsEntry("a", "1.0.0");
        assertThat(failure(s, PY312, "a>=2")).contains("a==2.0.0 requires Python >=3.13, but the target is python3.12");
    }

    @Test
    void asksMetadataOnlyForVersionsItTries() {
        InMemorySource s = new InMemorySource();
        for (int i = 1; i <= 50; i++) {
            s.add("a", i + ".0", "b");
        }
        s.add("b", "1.0");
        resolve(s, "a");
        assertThat(s.metadataCalls).isEqualTo(2);
    }
}
