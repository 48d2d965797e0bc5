package dev.layerfit.lambda;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds a function and its layers against Lambda's limits and names the AWS error a failing deploy would meet.
 *
 * <ul>
 *   <li>{@code unzipped-total}: the plain sum of every artifact's unzipped bytes must be strictly below
 *       262,144,000;</li>
 *   <li>{@code layer-count}: at most 5 layers;</li>
 *   <li>{@code zipped-direct-upload}: each zip sent inside the API request must be at most 52,428,800 bytes
 *       (checked only for artifacts marked {@link ArtifactSize#uploadedDirectly()}).</li>
 * </ul>
 */
public final class LimitEvaluator {

    private static final long UNZIPPED_LIMIT = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    private static final long ZIPPED_LIMIT = Quota.DIRECT_UPLOAD_ZIPPED.value();
    private static final long MAX_LAYERS = Quota.LAYERS_PER_FUNCTION.value();

    private LimitEvaluator() {
    }

    /**
     * Evaluates the limits.
     *
     * @param artifacts the function (if measured) and its layers in deployment order
     * @param layerCount how many layers the function will reference (may exceed the layers measured)
     */
    public static LimitVerdict evaluate(List<ArtifactSize> artifacts, int layerCount) {
        long total = 0;
        for (ArtifactSize a : artifacts) {
            total = Math.addExact(total, a.unzippedBytes());
        }
        List<LimitCheck> checks = new ArrayList<>();
        checks.add(new LimitCheck(LimitCheck.UNZIPPED_TOTAL, UNZIPPED_LIMIT, total, total < UNZIPPED_LIMIT, null));
        checks.add(new LimitCheck(LimitCheck.LAYER_COUNT, MAX_LAYERS, layerCount, layerCount <= MAX_LAYERS, null));
        for (ArtifactSize a : artifacts) {
            if (a.uploadedDirectly() && a.zippedBytes() >= 0) {
                checks.add(new LimitCheck(LimitCheck.ZIPPED_DIRECT_UPLOAD, ZIPPED_LIMIT, a.zippedBytes(),
                        a.zippedBytes() <= ZIPPED_LIMIT, a.label()));
            }
        }
        return new LimitVerdict(total, checks, predictErrors(artifacts, layerCount));
    }

    /**
     * The AWS errors a deploy of these artifacts would meet, in the order Lambda would raise them; empty when it fits.
     *
     * <p>Which wording applies, and why:
     * <ol>
     *   <li>More than 5 layers: {@code Cannot reference more than 5 layers}. The layer list is validated with the
     *       configuration before any size is looked at.</li>
     *   <li>A zip sent in the request over 50 MiB: {@code Zipped size must be smaller than 52428800 bytes} (HTTP 413),
     *       raised on upload before anything is unzipped. (A zip whose base64 pushes the request body past
     *       70,167,211 bytes gets {@code Request must be smaller than 70167211 bytes for the ... operation} instead.)</li>
     *   <li>One artifact alone at or over 262,144,000 unzipped: {@code Unzipped size must be smaller than 262144000
     *       bytes}. The upload of that zip (function code or {@code PublishLayerVersion}) is refused on its own.</li>
     *   <li>Layers alone at or over the limit: {@code Layers consume more than the available size of 262144000 bytes}.
     *       Lambda sums the layers first when it validates a configuration, so no code size could fit.</li>
     *   <li>Layers fit but function + layers do not: {@code Unzipped size must be smaller than N bytes} with
     *       N = 262,144,000 − Σ layers. A function upload (CreateFunction or UpdateFunctionCode) with its layers
     *       attached is checked against what the layers leave; the function is what pushes it over. When instead the
     *       new layer list is applied onto existing code (UpdateFunctionConfiguration, which Chalice calls after
     *       uploading the code), the same overflow reads {@code Layers consume more than the available size of
     *       262144000 bytes}.</li>
     * </ol>
     */
    public static List<PredictedError> predictErrors(List<ArtifactSize> artifacts, int layerCount) {
        List<PredictedError> errors = new ArrayList<>();
        if (layerCount > MAX_LAYERS) {
            errors.add(new PredictedError(AwsError.TOO_MANY_LAYERS, "Cannot reference more than " + MAX_LAYERS + " layers",
                    "the function references " + layerCount + " layers and Lambda allows " + MAX_LAYERS
                            + "; the layer list is rejected when the configuration is set, before any size is checked"));
        }
        for (ArtifactSize a : artifacts) {
            if (a.uploadedDirectly() && a.zippedBytes() > ZIPPED_LIMIT) {
                errors.add(new PredictedError(AwsError.ZIPPED_SIZE_TOO_LARGE,
                        "Zipped size must be smaller than " + ZIPPED_LIMIT + " bytes",
                        a.label() + " is " + ByteSizeFormat.describe(a.zippedBytes()) + " zipped and is uploaded inside "
                                + "the API request, which takes at most " + ByteSizeFormat.describe(ZIPPED_LIMIT)
                                + " (HTTP 413 RequestEntityTooLargeException); a larger zip must go through S3"));
            }
        }
        long layers = 0;
        boolean hasFunction = false;
        boolean oneTooBig = false;
        for (ArtifactSize a : artifacts) {
            if (a.role().isLayer()) {
                layers += a.unzippedBytes();
            } else {
                hasFunction = true;
            }
            if (a.unzippedBytes() >= UNZIPPED_LIMIT) {
                oneTooBig = true;
                errors.add(new PredictedError(AwsError.UNZIPPED_ARTIFACT_TOO_LARGE,
                        "Unzipped size must be smaller than " + UNZIPPED_LIMIT + " bytes",
                        a.label() + " alone unzips to " + ByteSizeFormat.describe(a.unzippedBytes())
                                + ", at or over the whole function-plus-layers limit; its upload is refused on its own"));
            }
        }
        long total = layers;
        for (ArtifactSize a : artifacts) {
            if (!a.role().isLayer()) {
                total += a.unzippedBytes();
            }
        }
        if (oneTooBig || total < UNZIPPED_LIMIT) {
            return errors;
        }
        if (layers >= UNZIPPED_LIMIT || !hasFunction) {
            errors.add(new PredictedError(AwsError.LAYERS_CONSUME_TOO_MUCH,
                    "Layers consume more than the available size of " + UNZIPPED_LIMIT + " bytes",
                    "the layers together unzip to " + ByteSizeFormat.describe(layers) + ", which leaves no room under "
                            + ByteSizeFormat.describe(UNZIPPED_LIMIT) + "; Lambda sums the layers first when it sets the configuration"));
        } else {
            long remaining = UNZIPPED_LIMIT - layers;
            errors.add(new PredictedError(AwsError.FUNCTION_TOO_LARGE_FOR_LAYERS,
                    "Unzipped size must be smaller than " + remaining + " bytes",
                    "the layers take " + ByteSizeFormat.describe(layers) + ", leaving " + ByteSizeFormat.describe(remaining)
                            + " for the function code, which unzips to " + ByteSizeFormat.describe(total - layers)
                            + "; a code upload with these layers attached gets this wording, while applying the layer list "
                            + "onto existing code (UpdateFunctionConfiguration) reads \"Layers consume more than the "
                            + "available size of " + UNZIPPED_LIMIT + " bytes\""));
        }
        return errors;
    }
}
