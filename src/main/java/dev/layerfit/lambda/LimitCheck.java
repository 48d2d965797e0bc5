package dev.layerfit.lambda;

/**
 * One limit compared with what a deployment has. For {@code layer-count} both figures are counts, not bytes
 * (the JSON keys stay {@code limitBytes}/{@code actualBytes} for one shape).
 *
 * @param name {@link #UNZIPPED_TOTAL}, {@link #LAYER_COUNT} or {@link #ZIPPED_DIRECT_UPLOAD}
 * @param subject the artifact a per-artifact check is about, or null for a whole-function check
 */
public record LimitCheck(String name, long limitBytes, long actualBytes, boolean ok, String subject) {
    public static final String UNZIPPED_TOTAL = "unzipped-total";
    public static final String LAYER_COUNT = "layer-count";
    public static final String ZIPPED_DIRECT_UPLOAD = "zipped-direct-upload";
}
