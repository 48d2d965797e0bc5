package dev.layerfit.lambda;

/**
 * The AWS Lambda quotas that decide whether a deployment fits, with exact values.
 *
 * <p>AWS writes "MB" and "GB" for binary units: the API reports {@code CodeSizeZipped 52428800} (50 MiB),
 * {@code CodeSizeUnzipped 262144000} (250 MiB, which AWS calls "250 MB") and {@code TotalCodeSize 80530636800}
 * (75 GiB) — see the {@code aws lambda get-account-settings} example in the AWS CLI reference and
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html.
 */
public enum Quota {
    /** A zip sent inside the API request ({@code ZipFile}, the console, Chalice's managed layer). */
    DIRECT_UPLOAD_ZIPPED(52_428_800L, Unit.BYTES,
            "zip uploaded directly (API ZipFile / console), 50 MiB; an S3 upload (S3Bucket/S3Key) has no zipped cap"),
    /** Request body of an inline upload (the base64 of the zip plus the JSON around it). */
    INLINE_REQUEST_BODY(70_167_211L, Unit.BYTES,
            "request body of an inline upload; 69,905,067 before ~2023 (base64 of 50 MiB)"),
    /** The request-body limit before ~2023. */
    INLINE_REQUEST_BODY_BEFORE_2023(69_905_067L, Unit.BYTES,
            "former request-body limit of an inline upload (base64 of 50 MiB)"),
    /** Function code plus all attached layers, unzipped; a deployment passes only when strictly below. */
    UNZIPPED_FUNCTION_AND_LAYERS(262_144_000L, Unit.BYTES,
            "function code + all layers, unzipped (GetAccountSettings CodeSizeUnzipped); must be < 262,144,000"),
    /** Layers one function may reference. */
    LAYERS_PER_FUNCTION(5L, Unit.COUNT, "layers per function"),
    /** A container image, uncompressed, including its own layers (images cannot use Lambda layers). */
    CONTAINER_IMAGE(10L * 1024 * 1024 * 1024, Unit.BYTES, "container image, uncompressed incl. its layers, 10 GiB"),
    /** Default size of {@code /tmp}. */
    TMP_DEFAULT(512L * 1024 * 1024, Unit.BYTES, "/tmp ephemeral storage default, 512 MiB"),
    /** Largest configurable {@code /tmp}. */
    TMP_MAX(10_240L * 1024 * 1024, Unit.BYTES, "/tmp ephemeral storage maximum, 10,240 MiB"),
    /**
     * Code storage per region: all versions of all functions and layers, zipped. AWS's quota table says "75 GB";
     * the API reports {@code TotalCodeSize 80530636800} = 75 × 1024³, so the binary value is recorded. Raisable;
     * {@code GetAccountSettings} reports an account's live limit.
     */
    CODE_STORAGE(75L * 1024 * 1024 * 1024, Unit.BYTES,
            "code storage per region, zipped, all versions (\"75 GB\" = 80,530,636,800 per GetAccountSettings); raisable");

    /** What a quota's value counts. */
    public enum Unit {
        BYTES, COUNT
    }

    private final long value;
    private final Unit unit;
    private final String source;

    Quota(long value, Unit unit, String source) {
        this.value = value;
        this.unit = unit;
        this.source = source;
    }

    /** The quota's value: bytes, or a count for {@link #LAYERS_PER_FUNCTION}. */
    public long value() {
        return value;
    }

    public Unit unit() {
        return unit;
    }

    /** A short note on what the quota covers and where the figure comes from. */
    public String source() {
        return source;
    }
}
