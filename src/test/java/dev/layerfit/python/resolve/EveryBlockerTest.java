package dev.layerfit.python.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.layerfit.python.pep508.Requirement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When nothing satisfies the requirements, every top-level blocker is named, with where its wheels would work. */
class EveryBlockerTest {

    private static final ResolveTarget PY312 = ResolveTarget.of("3.12.12", "x86_64", 2, 34);
    private static final List<AlternativeTarget> OTHERS = List.of(
            new AlternativeTarget("python3.11", "x86_64", ResolveTarget.of("3.11.14", "x86_64", 2, 26)),
            new AlternativeTarget("python3.11", "arm64", ResolveTarget.of("3.11.14", "aarch64", 2, 26)),
            new AlternativeTarget("python3.12", "arm64", ResolveTarget.of("3.12.12", "aarch64", 2, 34)),
            new AlternativeTarget("python3.13", "x86_64", ResolveTarget.of("3.13.9", "x86_64", 2, 34)),
            new AlternativeTarget("python3.13", "arm64", ResolveTarget.of("3.13.9", "aarch64", 2, 34)));

    private static String failure(InMemorySource s, String... requirements) {
        List<Requirement> reqs = Arrays.stream(requirements).map(Requirement::parse).toList();
        return catchThrowableOfType(() -> new Resolver(s, PY312, false, OTHERS).resolve(reqs, List.of()),
                ResolutionImpossibleException.class).getMessage();
    }

    private static InMemorySource index() {
        return new InMemorySource()
                .addFiles("pandas", "2.3.3", null, List.of(
                        InMemorySource.wheel("pandas", "2.3.3", "cp311-cp311-manylinux_2_17_x86_64", false),
                        InMemorySource.wheel("pandas", "2.3.3", "cp311-cp311-manylinux_2_17_aarch64", false),
                        InMemorySource.wheel("pandas", "2.3.3", "cp313-cp313-manylinux_2_17_x86_64", false),
                        InMemorySource.wheel("pandas", "2.3.3", "cp313-cp313-manylinux_2_17_aarch64", false)))
                .addFiles("pandas", "2.2.3", null, List.of(
                        InMemorySource.wheel("pandas", "2.2.3", "cp312-cp312-manylinux_2_17_x86_64", false)))
                .addFiles("armonly", "1.0", null, List.of(
                        InMemorySource.wheel("armonly", "1.0", "cp312-cp312-manylinux_2_17_aarch64", false)))
                .add("flask", "3.0.0", "werkzeug>=3")
                .add("werkzeug", "3.0.0")
                .add("a", "1.0.0", "c==1.0.0").add("b", "1.0.0", "c==2.0.0")
                .add("c", "1.0.0").add("c", "2.0.0");
    }

    @Test
    void namesEachRequirementThatFailsOnItsOwnAndWhereItsWheelsWork() {
        String message = failure(index(), "pandas==2.3.3", "flask", "armonly");
        assertThat(message).startsWith("2 requirements of 3 cannot be satisfied on python3.12 (glibc 2.34, x86_64), "
                        + "whatever the others need:\n1. pandas==2.3.3:\n   Because ")
                .contains("pandas==2.3.3 has no wheel for python3.12 (glibc 2.34, x86_64)")
                .contains("Hint: pandas 2.3.3 has wheels for python3.11 and python3.13 only: use one of them, or pin "
                        + "pandas<2.3.3 (2.2.3 has a usable wheel).")
                .contains("\n2. armonly:\n   Because ").contains("armonly has no wheel for python3.12")
                .contains("Hint: armonly 1.0 has wheels for python3.12 on arm64 only: use python3.12 on arm64.")
                .doesNotContain("flask");
    }

    @Test
    void aConflictBetweenTheOthersIsReportedAfterTheBlockers() {
        String message = failure(index(), "armonly", "a", "b", "flask");
        assertThat(message).startsWith("1 requirement of 4 cannot be satisfied")
                .contains("\nThe other requirements also conflict with one another:\n   Because ")
                .contains("b==1.0.0 depends on c==2.0.0");
    }

    @Test
    void aPureConflictKeepsTheSingleDerivation() {
        String message = failure(index(), "a", "b");
        assertThat(message).startsWith("Because ").endsWith("the requirements are unsatisfiable.");
    }
}
