package dev.layerfit.layer;

/**
 * What one slim rule removed: {@code rule} is one of {@code bytecode}, {@code tests}, {@code type-stubs},
 * {@code docs}, {@code discovery}, {@code exclude}, {@code aws-sdk}, {@code debug-symbols} (bytes stripped, files
 * changed) and {@code record} (bytes of RECORD rows dropped for removed files, 0 files).
 */
public record RuleResult(String rule, long bytes, int files) {

    /** What the files column says: "3 files", "2 files stripped", or for {@code record} where its bytes come from. */
    public String filesDescription() {
        return switch (rule) {
            case "record" -> "RECORD rows of the removed files";
            case "debug-symbols" -> dev.layerfit.lambda.ByteSizeFormat.count(files, "file") + " stripped";
            default -> dev.layerfit.lambda.ByteSizeFormat.count(files, "file");
        };
    }
}
