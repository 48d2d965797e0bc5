package dev.layerfit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitEvaluatorTest {

    private static ArtifactSize function(long unzipped) {
        return new ArtifactSize("function.zip", ArtifactRole.FUNCTION, unzipped, 1_000, true);
    }

    private static ArtifactSize layer(String label, long unzipped) {
        return new ArtifactSize(label, ArtifactRole.LAYER, unzipped, 1_000, false);
    }

    private static LimitCheck check(LimitVerdict v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "total {0} fits: {1}")
    @CsvSource({"262143999, true", "262144000, false", "262144001, false", "0, true"})
    void unzippedTotalMustBeStrictlyBelowTheLimit(long total, boolean fits) {
        LimitVerdict v = LimitEvaluator.evaluate(List.of(function(total / 2), layer("L1", total - total / 2)), 1);
        assertThat(v.totalUnzippedBytes()).isEqualTo(total);
        LimitCheck c = check(v, LimitCheck.UNZIPPED_TOTAL);
        assertThat(c.limitBytes()).isEqualTo(262_144_000L);
        assertThat(c.actualBytes()).isEqualTo(total);
        assertThat(c.ok()).isEqualTo(fits);
        assertThat(v.fits()).isEqualTo(fits);
        assertThat(v.predictedErrors().isEmpty()).isEqualTo(fits);
    }

    @ParameterizedTest(name = "{0} layers ok: {1}")
    @CsvSource({"0, true", "5, true", "6, false"})
    void atMostFiveLayers(int layers, boolean ok) {
        LimitVerdict v = LimitEvaluator.evaluate(List.of(function(10)), layers);
        assertThat(check(v, LimitCheck.LAYER_COUNT)).isEqualTo(new LimitCheck(LimitCheck.LAYER_COUNT, 5, layers, ok, null));
        if (!ok) {
            assertThat(v.predictedErrors()).first().extracting(PredictedError::message)
                    .isEqualTo("Cannot reference more than 5 layers");
        }
    }

    @Test
    void zippedCapAppliesPerDirectUploadOnly() {
        ArtifactSize managed = new ArtifactSize("managed-layer.zip", ArtifactRole.MANAGED_LAYER, 100, 52_428_801, true);
        ArtifactSize atCap = new ArtifactSize("function.zip", ArtifactRole.FUNCTION, 100, 52_428_800, true);
        ArtifactSize remote = new ArtifactSize("arn:aws:lambda:us-east-1:123:layer:big:3", ArtifactRole.LAYER, 100, 90_000_000, false);
        LimitVerdict v = LimitEvaluator.evaluate(List.of(atCap, managed, remote), 2);
        List<LimitCheck> zipped = v.checks().stream().filter(c -> c.name().equals(LimitCheck.ZIPPED_DIRECT_UPLOAD)).toList();
        assertThat(zipped).containsExactly(
                new LimitCheck(LimitCheck.ZIPPED_DIRECT_UPLOAD, 52_428_800, 52_428_800, true, "function.zip"),
                new LimitCheck(LimitCheck.ZIPPED_DIRECT_UPLOAD, 52_428_800, 52_428_801, false, "managed-layer.zip"));
        assertThat(v.fits()).isFalse();
        assertThat(v.predictedErrors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Zipped size must be smaller than 52428800 bytes");
            assertThat(e.why()).contains("managed-layer.zip", "52,428,801 bytes");
        });
    }

    @Test
    void functionPushedOverWhatLayersLeaveGetsTheRemainingFigure() {
        // layers 176,936,801 leave 85,207,199 for the code
        LimitVerdict v = LimitEvaluator.evaluate(
                List.of(function(90_000_000), layer("L1", 100_000_000), layer("L2", 76_936_801)), 2);
        assertThat(v.predictedErrors()).singleElement().satisfies(e -> {
            assertThat(e.error()).isEqualTo(AwsError.FUNCTION_TOO_LARGE_FOR_LAYERS);
            assertThat(e.message()).isEqualTo("Unzipped size must be smaller than 85207199 bytes");
            assertThat(e.why()).contains("176,936,801 bytes", "90,000,000 bytes", "Layers consume more than");
        });
    }

    @Test
    void layersAloneOverTheLimitGetTheLayersWording() {
        LimitVerdict v = LimitEvaluator.evaluate(
                List.of(function(10), layer("L1", 200_000_000), layer("L2", 62_144_000)), 2);
        assertThat(v.predictedErrors()).extracting(PredictedError::message)
                .containsExactly("Layers consume more than the available size of 262144000 bytes");
    }

    @Test
    void oneArtifactOverTheWholeLimitIsNamed() {
        LimitVerdict v = LimitEvaluator.evaluate(List.of(function(10), layer("huge", 262_144_000)), 1);
        assertThat(v.predictedErrors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Unzipped size must be smaller than 262144000 bytes");
            assertThat(e.why()).startsWith("huge alone");
        });
    }

    @Test
    void everyPredictedMessageIsExplainedBackToTheSameError() {
        List<List<ArtifactSize>> deployments = List.of(
                List.of(function(90_000_000), layer("L1", 176_936_801)),
                List.of(function(1), layer("L1", 262_143_999)),
                List.of(function(10), layer("L1", 270_000_000)),
                List.of(new ArtifactSize("f", ArtifactRole.FUNCTION, 10, 60_000_000, true)));
        for (List<ArtifactSize> d : deployments) {
            for (PredictedError e : LimitEvaluator.predictErrors(d, 1)) {
                assertThat(ErrorExplainer.explain(e.message())).get().extracting(Explanation::error).isEqualTo(e.error());
            }
        }
        Explanation back = ErrorExplainer.explain(LimitEvaluator.predictErrors(
                List.of(function(90_000_000), layer("L1", 176_936_801)), 1).get(0).message()).orElseThrow();
        assertThat(back.numbers()).containsEntry("layersBytes", 176_936_801L);
    }
}
