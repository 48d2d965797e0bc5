package dev.layerfit.python.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code plan} calls the layer of each source (issue 14 item 6): never four layers called "requirements.txt". */
class SourceShortNamesTest {

    final Path here = Path.of("/work/app");

    private static List<String> names(Path here, RequirementsSource... sources) {
        RequirementsInput input = new RequirementsInput(List.of(sources), List.of(), List.of(), List.of(), false);
        return List.copyOf(input.shortNames(here).values());
    }

    private static RequirementsSource file(String path) {
        return new RequirementsSource.File(Path.of(path));
    }

    @Test
    void filesOfTheSameNameAreNamedAfterTheirFolders() {
        assertThat(names(here, file("/work/app/services/api/requirements.txt"), file("/work/app/services/ml/requirements.txt"),
                file("/work/app/jobs/etl/requirements.txt"), file("/work/app/shared/requirements.txt")))
                .containsExactly("api", "ml", "etl", "shared");
    }

    @Test
    void otherwiseAFileIsNamedByItsPathFromTheCurrentFolder() {
        assertThat(names(here, file("/work/app/requirements.txt"), file("/work/app/ml/requirements-ml.txt"), file("/elsewhere/extra.txt")))
                .containsExactly("requirements.txt", "ml/requirements-ml.txt", "extra.txt");
        // the same file name in folders of the same name: only the paths tell them apart
        assertThat(names(here, file("/work/app/a/lib/requirements.txt"), file("/work/app/b/lib/requirements.txt")))
                .containsExactly("a/lib/requirements.txt", "b/lib/requirements.txt");
        assertThat(names(here, file("/work/app/svc/requirements.txt"))).containsExactly("svc/requirements.txt");
        assertThat(names(here, file("/work/app/svc/requirements.txt"), new RequirementsSource.Specifier("requests==2.32.3")))
                .containsExactly("svc/requirements.txt", "requests==2.32.3");
    }
}
