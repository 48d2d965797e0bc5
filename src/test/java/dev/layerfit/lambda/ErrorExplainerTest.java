package dev.layerfit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorExplainerTest {

    record Case(String id, String operation, Map<String, Long> numbers, String text) {
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = Objects.requireNonNull(ErrorExplainerTest.class.getResourceAsStream("aws-error-texts.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> {
                        String[] f = l.split(" \\| ", 4);
                        Map<String, Long> numbers = new LinkedHashMap<>();
                        if (!f[2].equals("-")) {
                            for (String kv : f[2].split(",")) {
                                String[] p = kv.split("=");
                                numbers.put(p[0], Long.parseLong(p[1]));
                            }
                        }
                        return new Case(f[0], f[1].equals("-") ? null : f[1], numbers, f[3].replace("\\n", "\n"));
                    })
                    .toList();
        }
    }

    static Stream<Arguments> realTexts() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realTexts")
    void readsIdOperationAndNumbersFromRealTexts(String id, Case c) {
        Explanation x = ErrorExplainer.explain(c.text()).orElseThrow(() -> new AssertionError("not recognised: " + c.text()));
        assertThat(x.error().id()).isEqualTo(c.id());
        assertThat(x.operation()).isEqualTo(c.operation());
        assertThat(x.numbers()).containsExactlyEntriesOf(c.numbers());
        assertThat(c.text()).containsIgnoringCase(x.matchedText());
        assertThat(x.meaning()).isNotBlank();
        assertThat(x.actions()).isNotEmpty();
    }

    @Test
    void theDataSetCoversEveryKnownError() throws IOException {
        Set<String> covered = cases().stream().map(Case::id).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AwsError.values()).map(AwsError::id).toList());
    }

    @Test
    void functionTooLargeForLayersSaysWhatTheLayersUseAndWhatIsLeft() {
        Explanation x = ErrorExplainer.explain("Unzipped size must be smaller than 85207199 bytes").orElseThrow();
        assertThat(x.meaning())
                .contains("176,936,801 bytes")
                .contains("under 85,207,199 bytes")
                .contains("MiB");
        assertThat(String.join("\n", x.actions())).contains("layerfit check", "automatic_layer", "layerfit build");
    }

    @Test
    void wholeLimitMeansOneArtifactAloneIsTooBig() {
        Explanation x = ErrorExplainer.explain("Unzipped size must be smaller than 262144000 bytes").orElseThrow();
        assertThat(x.error()).isEqualTo(AwsError.UNZIPPED_ARTIFACT_TOO_LARGE);
        assertThat(x.meaning()).contains("One artifact alone").contains("262,144,000 bytes");
        assertThat(String.join("\n", x.actions())).contains("container image");
    }

    @Test
    void zippedOverFiftyMiBPointsToS3() {
        Explanation x = ErrorExplainer.explain("Zipped size must be smaller than 52428800 bytes").orElseThrow();
        assertThat(x.meaning()).contains("52,428,800 bytes (50.0 MiB");
        assertThat(String.join("\n", x.actions())).contains("S3");
    }

    @Test
    void unzippedIsNotMistakenForZipped() {
        assertThat(ErrorExplainer.explain("x: Unzipped size must be smaller than 52428800 bytes").orElseThrow().error())
                .isEqualTo(AwsError.FUNCTION_TOO_LARGE_FOR_LAYERS);
    }

    @Test
    void unrelatedTextIsNotRecognised() {
        assertThat(ErrorExplainer.explain("An error occurred (AccessDeniedException) when calling the GetLayerVersion operation"))
                .isEmpty();
        assertThat(ErrorExplainer.explain("")).isEmpty();
        assertThat(ErrorExplainer.explain(null)).isEmpty();
    }
}
