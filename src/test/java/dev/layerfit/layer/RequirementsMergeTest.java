package dev.layerfit.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.python.pep440.SpecifierSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequirementsMergeTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} & {1} → compatible={2}")
    @CsvSource(delimiter = '|', value = {
        "==1.26.4      | >=2            | false",
        "==1.26.4      | >=1.20,<2      | true",
        ">=2           | <2             | false",
        ">=2           | <=2            | true",
        ">2            | <2.0.1         | true",
        "~=1.4         | >=2            | false",
        "~=1.4.2       | <1.4.5         | true",
        "~=1.4.2       | >=1.5          | false",
        "==2.*         | <2             | false",
        "==2.*         | >=2.9,<3       | true",
        "!=1.0         | ==1.0          | false",
        ">1.0          | <1.0.1         | true",
        ">=2.9.0.post0 | <=2.9.0.post0  | true",
        "==1.0+local   | ==1.0          | true",
        "<1.0          | >=1.0a1        | false",
        "<1.0          | >=0.9a1        | true",
    })
    void findsWhetherTwoSpecifierSetsCanMeet(String a, String b, boolean compatible) {
        List<SpecifierSet> sets = Arrays.asList(SpecifierSet.parse(a.strip()), SpecifierSet.parse(b.strip()));
        assertThat(SpecifierConflict.witness(sets)).as(a + " & " + b).matches(w -> w.isPresent() == compatible);
        SpecifierConflict.witness(sets).ifPresent(w -> sets.forEach(s -> assertThat(s.contains(w.toString(), true)).isTrue()));
    }

    @Test
    void mergesWithProvenanceAndKeepsIndexOptions() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.txt"), "--extra-index-url https://example.invalid/simple\nnumpy>=1.20\nrequests[socks]==2.32.3\n");
        Path b = Files.writeString(tmp.resolve("b.txt"), "# utils\nNumPy<2\nrequests==2.32.3 ; python_version >= \"3.8\"\n");
        Path out = tmp.resolve("all.txt");
        CliRun run = CliRun.of("merge", a.toString(), b.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).contains("--extra-index-url https://example.invalid/simple");
        assertThat(lines).anyMatch(l -> l.startsWith("numpy<2,>=1.20  # from ") && l.contains("a.txt:2, ")
                && l.endsWith("b.txt:2"));
        assertThat(lines).anyMatch(l -> l.startsWith("requests[socks]==2.32.3  # from ") && l.contains("a.txt:3"));
        assertThat(lines).anyMatch(l -> l.startsWith("requests==2.32.3; python_version >= \"3.8\"  # from ") && l.contains("b.txt:3"));
    }

    @Test
    void aConflictIsExplainedAndNothingIsWritten() throws IOException {
        Path a = Files.writeString(tmp.resolve("numpy.txt"), "numpy==1.26.4\n");
        Path b = Files.writeString(tmp.resolve("ml.txt"), "scipy\nnumpy>=2\n");
        Path out = tmp.resolve("all.txt");
        Files.writeString(out, "keep me\n");
        CliRun run = CliRun.of("merge", a.toString(), b.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("numpy: numpy==1.26.4 (").contains("numpy.txt:1) conflicts with numpy>=2 (")
                .contains("ml.txt:2): no version satisfies both").contains("nothing written");
        assertThat(Files.readString(out)).isEqualTo("keep me\n");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrder("numpy.txt", "ml.txt", "all.txt");
        }
    }

    @Test
    void takesPipsCommandLineRequirementsConstraintsAndSpecifiers() throws IOException {
        Path base = Files.writeString(tmp.resolve("base.txt"), "requests>=2.30\nboto3\n");
        Path constraints = Files.writeString(tmp.resolve("constraints.txt"), "urllib3<2\nboto3==1.35.0\n");
        Path out = tmp.resolve("out").resolve("all.txt");
        CliRun run = CliRun.of("merge", "-r", base.toString(), "requests<3", "six", "-c", constraints.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + out + ": 3 requirements from 3 sources.");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("# Merged by layerfit merge from: ").endsWith("requests<3, six, " + base);
        // pip reads a requirements file's -c path relative to that file
        assertThat(lines).contains("-c ../constraints.txt");
        assertThat(lines).anyMatch(l -> l.startsWith("requests<3,>=2.30  # from ") && l.contains("base.txt:1")
                && l.contains("(command line):1"));
        assertThat(lines).anyMatch(l -> l.startsWith("six  # from (command line):2"));

        // a requirement no constrained version meets is a conflict, named with the constraint's line
        CliRun clash = CliRun.of("merge", base.toString(), "boto3>=1.36", "-c", constraints.toString());
        assertThat(clash.exitCode()).as(clash.err()).isEqualTo(1);
        assertThat(clash.err()).contains("boto3: boto3 (").contains("boto3>=1.36 ((command line):1)")
                .contains("boto3==1.35.0 (").contains("constraints.txt:2 (constraint))").contains("nothing written");

        CliRun project = CliRun.of("merge", base.toString(), "--with-project");
        assertThat(project.exitCode()).isEqualTo(2);
        assertThat(project.err()).contains("--with-project does not apply");
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws IOException {
        Path a = Files.writeString(tmp.resolve("bad.txt"), "numpy\nrequests >= = 2\n");
        CliRun run = CliRun.of("merge", a.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.txt:2:");
    }
}
