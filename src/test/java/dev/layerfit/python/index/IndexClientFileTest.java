package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.LocalIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file:// indexes and find-links locations, on the machine's real local index and on hand-made folders. */
class IndexClientFileTest {

    @TempDir
    Path cache;

    private IndexClient client(List<String> indexes, List<String> findLinks) {
        return IndexClient.create(new IndexOptions(indexes.get(0), indexes.subList(1, indexes.size()), findLinks, false),
                Netrc.empty(), RetryPolicy.standard(), cache);
    }

    @Test
    void readsTheRealLocalIndexThroughFileUrls() throws IOException {
        LocalIndex index = LocalIndex.require();
        List<String> roots = index.roots().stream().map(p -> p.toUri().toString()).toList();
        IndexClient client = client(roots, List.of());
        Path requests = index.wheel("requests", "requests-");
        IndexFile file = client.files("REQUESTS").stream()
                .filter(f -> f.filename().equals(requests.getFileName().toString())).findFirst().orElseThrow();
        assertThat(Path.of(file.url())).isEqualTo(requests);
        assertThat(file.sha256()).hasSize(64);
        CoreMetadata m = client.metadata(file);
        assertThat(m).isEqualTo(CoreMetadata.parse(new String(TestIndexServer.metadataOf(requests), StandardCharsets.UTF_8), "x"));
        assertThat(client.download(file)).isEqualTo(requests);
        assertThat(client.stats().metadataBytes() + client.stats().wheelBytes() + client.stats().requests()).isZero();

        assertThatThrownBy(() -> client.files("reqests")).isInstanceOf(UnknownProjectException.class)
                .hasMessageContaining("did you mean 'requests'?");
    }

    @Test
    void fileIndexesWithoutIndexHtmlListTheFolderAndJsonPagesAreRead(@TempDir Path root) throws IOException {
        LocalIndex index = LocalIndex.require();
        Path six = index.wheel("six", "six-");
        Path idna = index.wheel("idna", "idna-");
        Files.createDirectories(root.resolve("six"));
        Files.copy(six, root.resolve("six").resolve(six.getFileName()));
        Files.createDirectories(root.resolve("idna"));
        Files.copy(idna, root.resolve(idna.getFileName()));
        Files.writeString(root.resolve("idna/index.html"), "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"idna\",\"files\":[{\"filename\":\""
                + idna.getFileName() + "\",\"url\":\"../" + idna.getFileName() + "\",\"hashes\":{\"sha256\":\"" + "0".repeat(64) + "\"}}]}");
        IndexClient client = client(List.of(root.toUri().toString()), List.of());
        assertThat(client.files("six")).singleElement().satisfies(f -> assertThat(client.metadata(f).name()).isEqualTo("six"));
        IndexFile idnaFile = client.files("idna").get(0);
        assertThat(Path.of(idnaFile.url())).isEqualTo(root.resolve(idna.getFileName()));
        assertThatThrownBy(() -> client.download(idnaFile)).isInstanceOf(HashMismatchException.class);
    }

    @Test
    void findLinksHtmlPagesAndFoldersGiveEveryMatchingFile(@TempDir Path dir) throws IOException {
        LocalIndex index = LocalIndex.require();
        Path certifi = index.wheel("certifi", "certifi-");
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        Files.copy(certifi, wheels.resolve(certifi.getFileName()));
        Path page = dir.resolve("links.html");
        Files.writeString(page, "<html><body><a href=\"wheels/" + certifi.getFileName() + "\">c</a>"
                + "<a href=\"https://elsewhere.test/other-1.0-py3-none-any.whl\">o</a></body></html>");
        IndexClient client = IndexClient.create(new IndexOptions(IndexOptions.DEFAULT_INDEX_URL, List.of(),
                List.of(page.toString(), wheels.toUri().toString()), true), Netrc.empty(), RetryPolicy.standard(), cache);
        List<IndexFile> files = client.files("certifi");
        assertThat(files).hasSize(1); // the same file from the page and the folder is kept once
        assertThat(client.metadata(files.get(0)).normalizedName()).isEqualTo("certifi");
        assertThat(client.files("other")).singleElement().satisfies(f -> assertThat(f.url().getHost()).isEqualTo("elsewhere.test"));
        assertThatThrownBy(() -> client.files("certifee")).isInstanceOf(UnknownProjectException.class)
                .hasMessageContaining("did you mean 'certifi'?");
    }
}
