package dev.layerfit.python.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.layerfit.error.LayerfitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsALayerRequirementsFileAsPipDoes() throws IOException {
        write("wheels/placeholder.txt", "");
        Path main = write("requirements.txt", """
                # the API layer
                --index-url https://${INDEX_USER}:${INDEX_TOKEN}@pypi.internal.test/simple
                --extra-index-url https://mirror.test/simple  # a mirror
                -f wheels
                --pre
                --only-binary=:all:
                --no-binary psycopg2
                requests[socks] >= 2.31 ; python_version >= "3.9"   # HTTP
                boto3==1.34.0 \\
                    --hash=sha256:AAAA0000aaaa1111AAAA0000aaaa1111AAAA0000aaaa1111AAAA0000aaaa1111 \\
                    --hash sha256:bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222
                pandas==2.2.*	# tab before the comment
                numpy${NUMPY_SPEC}
                -r common/base.txt
                -c constraints.txt
                """);
        write("common/base.txt", "six>=1.16\n-r ../shared.txt\n");
        write("shared.txt", "idna\n");
        write("constraints.txt", "urllib3<2\n-r constraints-more.txt\n");
        write("constraints-more.txt", "certifi==2024.2.2\n");

        RequirementsFile rf = RequirementsFile.read(main, Map.of("INDEX_USER", "ci", "INDEX_TOKEN", "s3cret", "NUMPY_SPEC", "==1.26.4"));

        assertThat(rf.indexUrl()).contains("https://ci:s3cret@pypi.internal.test/simple");
        assertThat(rf.extraIndexUrls()).containsExactly("https://mirror.test/simple");
        assertThat(rf.findLinks()).containsExactly(dir.resolve("wheels").toString());
        assertThat(rf.pre()).isTrue();
        assertThat(rf.onlyBinary()).containsExactly(":all:");
        assertThat(rf.noBinary()).containsExactly("psycopg2");
        assertThat(rf.requirements()).extracting(e -> e.requirement().toString()).containsExactly(
                "requests[socks]>=2.31; python_version >= \"3.9\"", "boto3==1.34.0",
                "pandas==2.2.*", "numpy==1.26.4", "six>=1.16", "idna");
        RequirementsFileEntry boto = rf.requirements().get(1);
        assertThat(boto.location()).isEqualTo(main + ":9");
        assertThat(boto.hashes()).containsExactly("sha256:aaaa0000aaaa1111aaaa0000aaaa1111aaaa0000aaaa1111aaaa0000aaaa1111", "sha256:bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222");
        assertThat(boto.sha256Hashes()).containsExactly("aaaa0000aaaa1111aaaa0000aaaa1111aaaa0000aaaa1111aaaa0000aaaa1111", "bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222");
        assertThat(rf.hashesFor("Boto3")).hasSize(2);
        assertThat(rf.requirements().get(4).file()).isEqualTo(dir.resolve("common/base.txt"));
        assertThat(rf.requirements().get(4).line()).isEqualTo(1);
        assertThat(rf.constraints()).extracting(e -> e.requirement().toString())
                .containsExactly("urllib3<2", "certifi==2024.2.2");
        assertThat(rf.files()).hasSize(5).startsWith(main);
    }

    @Test
    void aHashSignWithoutWhitespaceBeforeItIsNotAComment() throws IOException {
        Path f = write("r.txt", "pandas==2.2.*#no-space\n");
        assertThatThrownBy(() -> RequirementsFile.read(f, Map.of())).hasMessageStartingWith(f + ":1: Expected");
    }

    @Test
    void unknownVariablesStayAsWrittenAndLowerCaseNamesAreNotExpanded() throws IOException {
        Path f = write("r.txt", "--extra-index-url https://${lower}/x/${MISSING}/simple\n");
        assertThat(RequirementsFile.read(f, Map.of("lower", "no")).extraIndexUrls())
                .containsExactly("https://${lower}/x/${MISSING}/simple");
    }

    @Test
    void malformedRequirementNamesFileLineAndPointsAtTheFault() throws IOException {
        Path f = write("requirements.txt", "six\n\nrequests >=2.0 extra\n");
        RequirementsFileException e = catchThrowableOfType(() -> RequirementsFile.read(f, Map.of()),
                RequirementsFileException.class);
        assertThat(e.kind()).isEqualTo(LayerfitException.Kind.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(f + ":3: ").contains("fix the requirement");
        assertThat(e.getMessage()).endsWith("\n    requests >=2.0 extra\n             ~~~~~~^");
    }

    @Test
    void continuationLinesReportTheFirstLine() throws IOException {
        Path f = write("r.txt", "# header\nflask \\\n  >=2 \\\n  ; python_version<'3'\nbad name!\n");
        RequirementsFile rf = null;
        RequirementsFileException e = catchThrowableOfType(() -> RequirementsFile.read(f, Map.of()),
                RequirementsFileException.class);
        assertThat(e.getMessage()).startsWith(f + ":5: ");
        Path ok = write("ok.txt", "# header\nflask \\\n  >=2 \\\n  ; python_version<'3'\n");
        rf = RequirementsFile.read(ok, Map.of());
        assertThat(rf.requirements()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.requirement()).hasToString("flask>=2; python_version < \"3\"");
        });
    }

    @Test
    void editableAndLocalPathsAreRefusedWithFileAndLine() throws IOException {
        for (String line : new String[] {"-e .", "--editable=git+https://x.test/r.git#egg=r", "./libs/mylib",
                "/abs/pkg-1.0-py3-none-any.whl", "mylib @ file:///src/mylib", "file:///src/x", "dist/pkg-1.0.tar.gz"}) {
            Path f = write("local.txt", "six\n" + line + "\n");
            assertThatThrownBy(() -> RequirementsFile.read(f, Map.of()))
                    .as(line).isInstanceOf(RequirementsFileException.class)
                    .hasMessageStartingWith(f + ":2: ").hasMessageContaining("is not supported");
        }
    }

    @Test
    void includeCyclesAndMissingIncludesAreReported() throws IOException {
        Path a = write("a.txt", "six\n-r b.txt\n");
        write("b.txt", "-r a.txt\n");
        assertThatThrownBy(() -> RequirementsFile.read(a, Map.of()))
                .isInstanceOf(RequirementsFileException.class)
                .hasMessageStartingWith(dir.resolve("b.txt") + ":1: ")
                .hasMessageContaining("a.txt -> b.txt -> a.txt");
        Path c = write("c.txt", "\n--requirement=missing.txt\n");
        assertThatThrownBy(() -> RequirementsFile.read(c, Map.of()))
                .hasMessageStartingWith(c + ":2: ").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> RequirementsFile.read(dir.resolve("nope.txt"), Map.of()))
                .isInstanceOf(RequirementsFileException.class).hasMessageContaining("no such requirements file");
    }

    @Test
    void badOptionsAndHashesAreReported() throws IOException {
        Path f = write("r.txt", "six --hash=sha256\n");
        assertThatThrownBy(() -> RequirementsFile.read(f, Map.of())).hasMessageStartingWith(f + ":1: ")
                .hasMessageContaining("is not a hash");
        Path g = write("g.txt", "--frobnicate\n");
        assertThatThrownBy(() -> RequirementsFile.read(g, Map.of())).hasMessageContaining("unknown option --frobnicate");
        Path h = write("h.txt", "-i\n");
        assertThatThrownBy(() -> RequirementsFile.read(h, Map.of())).hasMessageContaining("-i needs a value");
    }

    @Test
    void onlyBinaryAndNoBinaryExcludeEachOther() throws IOException {
        Path f = write("r.txt", "--no-binary :all:\n--only-binary Foo_Bar,six\n--no-binary six\n--no-index\n--prefer-binary\n--require-hashes\n");
        RequirementsFile rf = RequirementsFile.read(f, Map.of());
        assertThat(rf.onlyBinary()).containsExactlyInAnyOrder("foo-bar");
        assertThat(rf.noBinary()).containsExactlyInAnyOrder(":all:", "six");
        assertThat(rf.noIndex()).isTrue();
        assertThat(rf.preferBinary()).isTrue();
        assertThat(rf.requireHashes()).isTrue();
        assertThat(rf.pre()).isFalse();
    }
}
