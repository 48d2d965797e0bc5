package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerNamesTest {

    final Path here = Path.of("/work/app");

    @Test
    void filesOfTheSameNameAreNamedAfterTheirFolders() {
        List<Path> files = List.of(Path.of("/work/app/services/api/requirements.txt"), Path.of("/work/app/services/ml/requirements.txt"),
                Path.of("/work/app/jobs/etl/requirements.txt"), Path.of("/work/app/shared/requirements.txt"));
        assertThat(LayerNames.of(files, here).values()).containsExactly("api", "ml", "etl", "shared");
    }

    @Test
    void otherwiseAFileIsNamedByItsPathFromTheCurrentFolder() {
        List<Path> files = List.of(Path.of("/work/app/requirements.txt"), Path.of("/work/app/ml/requirements-ml.txt"),
                Path.of("/elsewhere/extra.txt"));
        assertThat(LayerNames.of(files, here).values())
                .containsExactly("requirements.txt", "ml/requirements-ml.txt", "extra.txt");
        // same file names in folders of the same name: only the paths tell them apart
        List<Path> clash = List.of(Path.of("/work/app/a/lib/requirements.txt"), Path.of("/work/app/b/lib/requirements.txt"));
        assertThat(LayerNames.of(clash, here).values()).containsExactly("a/lib/requirements.txt", "b/lib/requirements.txt");
        List<Path> outside = List.of(Path.of("/x/requirements.txt"), Path.of("/work/app/requirements.txt"));
        assertThat(LayerNames.of(outside, here).values()).containsExactly("x", "app");
        assertThat(LayerNames.of(List.of(Path.of("/work/app/svc/requirements.txt")), here).values())
                .containsExactly("svc/requirements.txt");
    }
}
