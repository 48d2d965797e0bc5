package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.error.BadInputException;
import dev.layerfit.python.pep508.RequirementsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipConfigurationTest {

    @TempDir
    Path root;

    private Path write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void followsPipsFileOrderSectionsAndEnvironment() throws IOException {
        write("etc/xdg/pip/pip.conf", "[global]\nindex-url = https://xdg.test/simple\ntimeout = 10\n");
        write("etc/pip.conf", "[global]\nindex-url = https://etc.test/simple\n[install]\nfind-links = /etc-wheels\n");
        Path home = root.resolve("home");
        write("home/.pip/pip.conf", "[global]\nextra-index-url = https://legacy.test/simple\n");
        write("home/.config/pip/pip.conf", """
                [global]
                ; a comment
                extra_index_url =
                    https://a.test/simple
                    https://b.test/simple   https://c.test/simple
                find-links: /global-wheels
                """);
        Map<String, String> env = Map.of("PIP_DEFAULT_TIMEOUT", "60");
        PipConfiguration config = PipConfiguration.load(env, home, root);

        assertThat(config.files()).containsExactly(root.resolve("etc/xdg/pip/pip.conf"), root.resolve("etc/pip.conf"),
                home.resolve(".pip/pip.conf"), home.resolve(".config/pip/pip.conf"));
        IndexOptions options = config.indexOptions();
        assertThat(options.indexUrl()).isEqualTo("https://etc.test/simple");   // /etc/pip.conf is read after /etc/xdg
        assertThat(options.extraIndexUrls()).containsExactly("https://a.test/simple", "https://b.test/simple", "https://c.test/simple");
        assertThat(options.findLinks()).containsExactly("/etc-wheels");           // [install] beats [global]
        assertThat(config.get("default-timeout")).contains("60");
        assertThat(config.get("timeout")).contains("10");

        PipConfiguration withEnv = PipConfiguration.load(Map.of("PIP_INDEX_URL", "https://env.test/simple",
                "PIP_EXTRA_INDEX_URL", "https://x.test/simple https://y.test/simple", "PIP_FIND_LINKS", "/w1 /w2"), home, root);
        assertThat(withEnv.indexOptions()).isEqualTo(new IndexOptions("https://env.test/simple",
                List.of("https://x.test/simple", "https://y.test/simple"), List.of("/w1", "/w2"), false));
    }

    @Test
    void pipConfigFileReplacesUserFilesAndDevNullDisablesAll() throws IOException {
        write("etc/pip.conf", "[global]\nindex-url = https://etc.test/simple\n");
        Path home = root.resolve("home");
        write("home/.config/pip/pip.conf", "[global]\nextra-index-url = https://user.test/simple\n");
        Path venv = root.resolve("venv");
        write("venv/pip.conf", "[global]\nextra-index-url = https://venv.test/simple\n");
        Path own = write("own.conf", "[install]\nno-index = yes\n");

        PipConfiguration config = PipConfiguration.load(Map.of("PIP_CONFIG_FILE", own.toString(), "VIRTUAL_ENV", venv.toString()), home, root);
        assertThat(config.files()).containsExactly(root.resolve("etc/pip.conf"), venv.resolve("pip.conf"), own);
        assertThat(config.indexOptions().extraIndexUrls()).containsExactly("https://venv.test/simple");
        assertThat(config.indexOptions().noIndex()).isTrue();
        assertThat(config.indexOptions().indexUrls()).isEmpty();

        PipConfiguration none = PipConfiguration.load(Map.of("PIP_CONFIG_FILE", "/dev/null"), home, root);
        assertThat(none.files()).isEmpty();
        assertThat(none.indexOptions()).isEqualTo(IndexOptions.defaults());
    }

    @Test
    void aMalformedFileNamesFileAndLine() throws IOException {
        write("etc/pip.conf", "[global]\nindex-url = https://x.test\nthis is not ini\n");
        assertThatThrownBy(() -> PipConfiguration.load(Map.of(), root.resolve("home"), root))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(root.resolve("etc/pip.conf") + ":3: ");
    }

    @Test
    void requirementsFileAndCommandLineApplyLikePip() throws IOException {
        Path extraOnly = write("extra.txt", "--extra-index-url https://r.test/simple\n-f https://links.test/\nsix\n");
        Path withIndex = write("index.txt", "--extra-index-url https://r.test/simple\n-i https://own.test/simple\nsix\n");
        IndexOptions fromConfig = new IndexOptions("https://a.test/simple", List.of("https://b.test/simple"), List.of("/w"), false);
        assertThat(fromConfig.withRequirementsFile(RequirementsFile.read(extraOnly, Map.of())).indexUrls())
                .containsExactly("https://a.test/simple", "https://b.test/simple", "https://r.test/simple");
        IndexOptions replaced = fromConfig.withRequirementsFile(RequirementsFile.read(withIndex, Map.of()));
        assertThat(replaced.indexUrls()).containsExactly("https://own.test/simple");
        assertThat(replaced.findLinks()).containsExactly("/w");

        IndexOptions configured = new IndexOptions("https://a.test/simple", List.of("https://b.test/simple"), List.of("/w"), false);
        assertThat(configured.indexUrls()).containsExactly("https://a.test/simple", "https://b.test/simple");
        IndexOptions cli = configured.withCommandLine("https://c.test/simple", List.of("https://d.test/simple"), List.of("/v"), false);
        assertThat(cli.indexUrls()).containsExactly("https://c.test/simple", "https://b.test/simple", "https://d.test/simple");
        assertThat(cli.findLinks()).containsExactly("/w", "/v");
    }

    /** The real machine: our reading of pip's files and PIP_* variables must equal {@code pip config list}. */
    @Test
    void matchesPipConfigListOnThisMachine() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("pip", "config", "list").redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "SKIPPED: pip is not on the PATH, so there is nothing to compare with");
            return;
        }
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "SKIPPED: pip config list did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> pips = new TreeMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf("='");
            if (eq > 0) {
                pips.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
            }
        }
        assumeTrue(!pips.isEmpty(), "SKIPPED: pip has no configuration on this machine");
        PipConfiguration ours = PipConfiguration.load();
        assertThat(ours.asPipConfigList()).isEqualTo(pips);
        if ("file:///opt/pypi/simple file:///opt/pypi-more/simple".equals(pips.get("global.extra-index-url"))) {
            assertThat(ours.indexOptions().extraIndexUrls()).containsExactly("file:///opt/pypi/simple", "file:///opt/pypi-more/simple");
            assertThat(ours.indexOptions().findLinks()).contains("/opt/wheels");
        }
    }
}
