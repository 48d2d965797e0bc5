package dev.layerfit.lambda;

import java.util.List;

/**
 * The result of holding a function and its layers against Lambda's limits.
 *
 * @param totalUnzippedBytes function plus every layer, unzipped (a file in two layers counts twice, as AWS counts)
 * @param checks every limit compared, failing or not
 * @param predictedErrors the AWS errors a deploy would meet, most likely first; empty when it fits
 */
public record LimitVerdict(long totalUnzippedBytes, List<LimitCheck> checks, List<PredictedError> predictedErrors) {

    public LimitVerdict {
        checks = List.copyOf(checks);
        predictedErrors = List.copyOf(predictedErrors);
    }

    /** True when every limit holds. */
    public boolean fits() {
        return checks.stream().allMatch(LimitCheck::ok);
    }
}
