package dev.layerfit.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactMapTest {

    static final String NUMPY = "arn:aws:lambda:ap-northeast-2:123456789012:layer:numpy:3";
    static final String DB = "arn:aws:lambda:ap-northeast-2:123456789012:layer:db-layer:2";

    @TempDir
    Path project;

    @Test
    void flagsOverrideTheProjectFileForTheSameArn() throws IOException {
        Files.writeString(project.resolve("layerfit.json"), """
                {"layers": {"%s": "layers/numpy.zip", "%s": "layers/db"},
                 "managedLayer": "build/managed.zip"}
                """.formatted(NUMPY, DB));
        ArtifactMap map = ArtifactMap.of(project, List.of(NUMPY + "=/tmp/other.zip"), null, null);
        assertThat(map.layer(NUMPY)).contains(Path.of("/tmp/other.zip"));
        assertThat(map.layer(DB)).contains(project.resolve("layers/db"));
        assertThat(map.managedLayer()).contains(project.resolve("build/managed.zip"));
        assertThat(map.functionPackage()).isEmpty();
    }

    @Test
    void noProjectFileMeansOnlyFlags() {
        ArtifactMap map = ArtifactMap.of(project, List.of(), Path.of("m.zip"), Path.of("pkg"));
        assertThat(map.layers()).isEmpty();
        assertThat(map.managedLayer()).contains(Path.of("m.zip"));
        assertThat(map.functionPackage()).contains(Path.of("pkg"));
    }

    @Test
    void malformedFlagsAreRejectedWithTheFlagNamed() {
        assertThatThrownBy(() -> ArtifactMap.of(project, List.of("layer.zip"), null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'layer.zip' is not ARN=PATH");
        assertThatThrownBy(() -> ArtifactMap.of(project, List.of(NUMPY + "="), null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not ARN=PATH");
        assertThatThrownBy(() -> ArtifactMap.of(project, List.of("arn:aws:s3:::bucket=x.zip"), null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not a layer version ARN");
        assertThatThrownBy(() -> ArtifactMap.of(project, List.of(NUMPY + "=a.zip", NUMPY + "=b.zip"), null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("names " + NUMPY + " twice");
    }

    @Test
    void malformedProjectFileNamesLineAndColumn() throws IOException {
        Files.writeString(project.resolve("layerfit.json"), "{\n  \"layers\": {\n    \"x\": \"a.zip\",,\n  }\n}\n");
        assertThatThrownBy(() -> ArtifactMap.of(project, List.of(), null, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(project.resolve("layerfit.json") + ":3:");
    }

    @Test
    void layerArnParsesItsParts() {
        LayerArn arn = LayerArn.parse(NUMPY).orElseThrow();
        assertThat(arn.region()).isEqualTo("ap-northeast-2");
        assertThat(arn.account()).isEqualTo("123456789012");
        assertThat(arn.shortName()).isEqualTo("numpy:3");
        assertThat(LayerArn.parse("arn:aws:lambda:us-east-1:123456789012:function:f")).isEmpty();
    }
}
