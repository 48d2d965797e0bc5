package dev.layerfit.python.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --with-project} copies and keys its wheel by, and its refusal without a local Python (no index needed). */
class ProjectTreeTest {

    @TempDir
    Path dir;
    @TempDir
    Path cache;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void sourceFilesOnlyAndTheKeyFollowsTheirContent() throws IOException {
        write("pyproject.toml", "[project]\nname = \"a\"\n");
        write("a/__init__.py", "X = 1\n");
        write("a/build/keep.py", "");
        write(".git/HEAD", "ref\n");
        write("env/pyvenv.cfg", "home = /usr\n");
        write("env/lib/x.py", "");
        write("a/__pycache__/x.pyc", "");
        write("a.egg-info/PKG-INFO", "");
        write("build/lib/a/__init__.py", "");
        write("dist/a-1.tar.gz", "");
        assertThat(ProjectTree.files(dir)).map(Path::toString).containsExactly("a/__init__.py", "a/build/keep.py", "pyproject.toml");
        String key = ProjectTree.sha256(dir);
        write("dist/a-2.tar.gz", "");
        assertThat(ProjectTree.sha256(dir)).as("what is left out does not change the key").isEqualTo(key);
        write("a/__init__.py", "X = 2\n");
        assertThat(ProjectTree.sha256(dir)).isNotEqualTo(key);
        Path copy = ProjectTree.copy(dir, cache.resolve("src"));
        assertThat(Files.readString(copy.resolve("a/__init__.py"))).isEqualTo("X = 2\n");
        assertThat(copy.resolve(".git")).doesNotExist();
    }

    @Test
    void withoutALocalPythonTheProjectIsRefusedInOneSentence() throws IOException {
        write("pyproject.toml", "[project]\nname = \"a\"\n");
        BuildRequirementsInstaller never = (requirements, python, site, label) -> {
            throw new AssertionError("nothing is installed without a Python");
        };
        SdistBuilder builder = new SdistBuilder(dir.resolve("no-python3").toString(), never, cache, Duration.ofSeconds(5));
        assertThatThrownBy(() -> builder.buildProject(dir, "a")).isInstanceOf(SdistBuildException.class)
                .hasMessage("--with-project builds a from " + dir + " as a wheel, which needs a local Python 3.11 or newer, and "
                        + dir.resolve("no-python3") + " is not one; install python3 (or set LAYERFIT_PYTHON), or leave "
                        + "--with-project out");
        try (var left = Files.list(cache)) {
            assertThat(left.toList()).as("nothing written to the cache").isEmpty();
        }
    }
}
