package dev.layerfit.layer;

/**
 * What one slim rule removed: {@code rule} is one of {@code bytecode}, {@code tests}, {@code type-stubs},
 * {@code docs}, {@code discovery}, {@code exclude}, {@code aws-sdk}, {@code debug-symbols} (bytes stripped, files
 * changed) and {@code record} (bytes of RECORD rows dropped for removed files, 0 files).
 */
public record RuleResult(String rule, long bytes, int files) {
}
