package dev.layerfit.project.chalice;

import dev.layerfit.io.AtomicFileWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing one layer ARN in a Chalice config's text: only that string changes; the write is atomic. */
class ChaliceConfigEditorTest {

    static final String NUMPY_3 = "arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:3";
    static final String NUMPY_9 = "arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:9";

    @TempDir
    Path dir;

    static String seed() throws IOException {
        try (InputStream in = ChaliceConfigEditorTest.class.getResourceAsStream("seed-config.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path write(String text) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void replacesExactlyTheOneArnOfTheSeedConfig() throws IOException {
        String before = seed();
        Path file = write(before);
        LayerReplacement edit = ChaliceConfigEditor.replaceLayer(file, "prod", "shuking-numpy-layer", NUMPY_9);
        edit.write();

        String after = Files.readString(file);
        assertThat(after).isEqualTo(before.replace(NUMPY_3, NUMPY_9));
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i + 1);
            }
        }
        assertThat(changed).containsExactly(6);
        assertThat(edit.line()).isEqualTo(6);
        assertThat(edit.jsonPath()).isEqualTo("layers[0]");
        assertThat(edit.oldArn()).isEqualTo(NUMPY_3);
        assertThat(edit.diff()).isEqualTo("-6:     \"" + NUMPY_3 + "\"," + System.lineSeparator()
                + "+6:     \"" + NUMPY_9 + "\",");
    }

    @Test
    void keepsCrlfLineEndingsAndEditsTheStageListWhenTheStageHasOne() throws IOException {
        String text = "{\r\n  \"app_name\": \"x\",\r\n  \"layers\": [\"" + NUMPY_3 + "\"],\r\n  \"stages\": {\r\n"
                + "    \"prod\": {\"layers\": [\"arn:aws:lambda:ap-northeast-2:123456789012:layer:other:1\",\r\n"
                + "                         \"" + NUMPY_3 + "\"]}\r\n  }\r\n}\r\n";
        Path file = write(text);
        LayerReplacement edit = ChaliceConfigEditor.replaceLayer(file, "prod", "shuking-numpy-layer", NUMPY_9);
        edit.write();

        String after = Files.readString(file);
        int stageAt = text.indexOf(NUMPY_3, text.indexOf("\"prod\""));
        assertThat(after).isEqualTo(text.substring(0, stageAt) + NUMPY_9 + text.substring(stageAt + NUMPY_3.length()));
        assertThat(edit.jsonPath()).isEqualTo("stages.prod.layers[1]");
        assertThat(edit.line()).isEqualTo(6);
    }

    @Test
    void replaceNameMatchesAnotherLayer() throws IOException {
        Path file = write(seed());
        String newArn = "arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy2:1";
        LayerReplacement edit = ChaliceConfigEditor.replaceLayer(file, "dev", "shuking-ai-layer", newArn);
        assertThat(edit.oldArn()).endsWith("shuking-ai-layer:5");
        assertThat(edit.newText()).isEqualTo(seed().replace(edit.oldArn(), newArn));
    }

    @Test
    void aConfigWithoutLayersSaysWhatToAdd() throws IOException {
        Path file = write("{\"app_name\": \"x\", \"stages\": {\"dev\": {}}}");
        assertThatThrownBy(() -> ChaliceConfigEditor.replaceLayer(file, "dev", "numpy", NUMPY_9))
                .isInstanceOf(ConfigEditException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("add \"layers\": [\"" + NUMPY_9 + "\"]");
    }

    @Test
    void aLayerNotInTheListIsAClearError() throws IOException {
        Path file = write(seed());
        assertThatThrownBy(() -> ChaliceConfigEditor.replaceLayer(file, "dev", "unknown-layer", NUMPY_9))
                .isInstanceOf(ConfigEditException.class)
                .hasMessageContaining("no ARN of layer 'unknown-layer'").hasMessageContaining("--replace NAME");
    }

    @Test
    void invalidJsonNamesFileLineAndColumn() throws IOException {
        Path file = write("{\n  \"app_name\": \"x\",\n  \"layers\": [\"a\",]\n}\n");
        assertThatThrownBy(() -> ChaliceConfigEditor.replaceLayer(file, "dev", "numpy", NUMPY_9))
                .isInstanceOf(InvalidChaliceConfigException.class)
                .hasMessageStartingWith(file + ":3:");
    }

    @Test
    void anUnknownStageIsBadInput() throws IOException {
        Path file = write(seed());
        assertThatThrownBy(() -> ChaliceConfigEditor.replaceLayer(file, "staging", "shuking-numpy-layer", NUMPY_9))
                .isInstanceOf(UnknownStageException.class).hasMessageContaining("dev, prod");
    }

    @Test
    void aFailedRenameLeavesTheOriginalAndNoTemporaryFile() throws IOException {
        String before = seed();
        Path file = write(before);
        LayerReplacement edit = ChaliceConfigEditor.replaceLayer(file, "dev", "shuking-numpy-layer", NUMPY_9);
        AtomicFileWriter crashing = new AtomicFileWriter((from, to) -> {
            assertThat(Files.readString(from)).isEqualTo(edit.newText()); // the new text was fully written first
            throw new IOException("simulated crash before the rename");
        });

        assertThatThrownBy(() -> edit.write(crashing)).isInstanceOf(ConfigEditException.class)
                .hasMessageContaining("it is unchanged");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void atomicWriteKeepsPermissions() throws IOException {
        Path file = write(seed());
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ChaliceConfigEditor.replaceLayer(file, "dev", "shuking-numpy-layer", NUMPY_9).write();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void referencesCollectEveryLayerArnInTheConfig() throws IOException {
        Path file = write("{\"app_name\": \"x\", \"layers\": [\"" + NUMPY_3 + "\"], \"stages\": {\"prod\": "
                + "{\"lambda_functions\": {\"worker\": {\"layers\": [\"" + NUMPY_9 + "\"]}}}}}");
        assertThat(LayerReferences.of(file).versionsOf("shuking-numpy-layer")).containsExactly(3L, 9L);
        assertThat(LayerReferences.of(file).versionsOf("other")).isEmpty();
    }
}
