package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexOptionsLocalTest {

    @Test
    void fileIndexesAndFoldersAreLocal() {
        IndexOptions local = new IndexOptions("file:///opt/pypi/simple", List.of("FILE:///opt/pypi-more/simple"),
                List.of("wheels", "/tmp/more-wheels"), false);
        assertThat(local.onlyLocal()).isTrue();
    }

    @Test
    void anyHttpIndexOrPageIsNot() {
        assertThat(IndexOptions.defaults().onlyLocal()).isFalse();
        assertThat(new IndexOptions("file:///opt/pypi/simple", List.of("http://127.0.0.1:8080/simple/"), List.of(), false)
                .onlyLocal()).isFalse();
        assertThat(new IndexOptions("https://pypi.org/simple/", List.of(), List.of("wheels"), true).onlyLocal())
                .as("--no-index drops the index: only the folder is left").isTrue();
        assertThat(new IndexOptions("file:///x", List.of(), List.of("https://example.org/links.html"), false).onlyLocal())
                .isFalse();
    }
}
