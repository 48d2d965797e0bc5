package dev.layerfit.audit;

/**
 * One function of an account, measured.
 *
 * @param region              its region
 * @param function            its name
 * @param runtime             its runtime, or null (image)
 * @param packageType         {@code Zip} or {@code Image}
 * @param layerCount          how many layers it references
 * @param unzippedBytes       function + layers unzipped, or -1 when not measured
 * @param duplicateBytes      bytes its layers (and code) ship more than once
 * @param biggestDistribution the distribution with the most bytes ("numpy 69.1 MiB"), or null
 * @param biggestBytes        that distribution's bytes, or 0
 * @param fits                whether it fits every limit (true for an image; meaningless when not measured)
 * @param error               why it was not measured, or null
 */
public record AuditRow(String region, String function, String runtime, String packageType, int layerCount,
        long unzippedBytes, long duplicateBytes, String biggestDistribution, long biggestBytes, boolean fits,
        String error) {

    /** Whether it was measured (or is an image, which the zip limits do not concern). */
    public boolean measured() {
        return error == null;
    }

    /** Whether it was measured and breaks a limit: a function that could not be measured is not counted as failing. */
    public boolean fails() {
        return measured() && !fits;
    }

    /** The share of the 262,144,000-byte limit used, in percent (0 when not measured). */
    public double percentOfLimit() {
        return unzippedBytes < 0 ? 0 : unzippedBytes * 100.0 / dev.layerfit.lambda.Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    }
}
