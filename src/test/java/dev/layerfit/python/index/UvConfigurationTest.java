package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uv's index settings found where uv finds them, applied over pip's; $HOME found as pip finds it. */
class UvConfigurationTest {

    @TempDir
    Path tmp;

    private final IndexOptions pip = new IndexOptions("https://pip.example/simple", List.of("https://pip-extra.example/simple"),
            List.of(), false);

    @Test
    void theProjectsUvTomlWinsOverItsPyprojectAndTheUserFile() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("proj/src/pkg"));
        Files.writeString(tmp.resolve("proj/pyproject.toml"), "[tool.uv]\nindex-url = \"https://from-pyproject.example/simple\"\n");
        Files.writeString(tmp.resolve("proj/uv.toml"), """
                [[index]]
                name = "corp"
                url = "https://corp.example/simple"
                default = true

                [[index]]
                name = "extra"
                url = "https://extra.example/simple"

                [[index]]
                name = "pinned-only"
                url = "https://explicit.example/simple"
                explicit = true

                [[index]]
                name = "flat"
                url = "https://flat.example/wheels/"
                format = "flat"
                """);
        Path home = Files.createDirectories(tmp.resolve("home/.config/uv"));
        Files.writeString(home.resolve("uv.toml"), "index-url = \"https://user.example/simple\"\n");
        UvConfiguration uv = UvConfiguration.load(Map.of(), tmp.resolve("home"), project, tmp);
        IndexOptions o = uv.applyTo(pip);
        assertThat(uv.file()).contains(tmp.resolve("proj/uv.toml"));
        assertThat(o.indexUrl()).isEqualTo("https://corp.example/simple");
        assertThat(o.extraIndexUrls()).containsExactly("https://pip-extra.example/simple", "https://extra.example/simple");
        assertThat(o.findLinks()).containsExactly("https://flat.example/wheels/");
    }

    @Test
    void aPyprojectsToolUvIsReadWhenThereIsNoUvToml() throws IOException {
        Files.writeString(tmp.resolve("pyproject.toml"), """
                [project]
                name = "x"
                [tool.uv]
                extra-index-url = ["https://a.example/simple"]
                [tool.uv.pip]
                find-links = ["./wheels"]
                """);
        IndexOptions o = UvConfiguration.load(Map.of(), tmp.resolve("nohome"), tmp, tmp).applyTo(pip);
        assertThat(o.indexUrl()).isEqualTo("https://pip.example/simple");
        assertThat(o.extraIndexUrls()).endsWith("https://a.example/simple");
        assertThat(o.findLinks()).containsExactly("./wheels");
    }

    @Test
    void theUserFileUnderHomeThenEnvironmentVariablesApply() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home/.config/uv"));
        Files.writeString(home.resolve("uv.toml"), "extra-index-url = [\"https://user.example/simple\"]\n");
        Path project = Files.createDirectories(tmp.resolve("empty"));
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(),
                "UV_INDEX_URL", "https://env.example/simple", "UV_INDEX", "corp=https://corp.example/simple https://b.example/simple",
                "UV_EXTRA_INDEX_URL", "https://c.example/simple");
        IndexOptions o = UvConfiguration.load(env, UserHome.of(env), project, tmp).applyTo(pip);
        assertThat(o.indexUrl()).isEqualTo("https://env.example/simple");
        assertThat(o.extraIndexUrls()).containsExactly("https://pip-extra.example/simple", "https://user.example/simple",
                "https://c.example/simple", "https://corp.example/simple", "https://b.example/simple");
        assertThat(UvConfiguration.load(Map.of("UV_NO_CONFIG", "1"), UserHome.of(env), project, tmp).applyTo(pip)).isEqualTo(pip);
    }

    @Test
    void homeIsDollarHomeAsPipFindsIt() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("h/.config/pip"));
        Files.writeString(home.resolve("pip.conf"), "[global]\nindex-url = https://home.example/simple\n");
        Map<String, String> env = Map.of("HOME", tmp.resolve("h").toString());
        assertThat(UserHome.of(env)).isEqualTo(tmp.resolve("h"));
        assertThat(PipConfiguration.load(env, UserHome.of(env), tmp).indexOptions().indexUrl()).isEqualTo("https://home.example/simple");
        assertThat(UserHome.of(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
