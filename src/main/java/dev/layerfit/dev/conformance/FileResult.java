package dev.layerfit.dev.conformance;

import java.util.List;

/** Counts for one conformance file (or the packse scenario folder) and its failures. */
public record FileResult(String file, int passed, int failed, int skipped, List<CaseFailure> failures) {

    public FileResult {
        failures = List.copyOf(failures);
    }
}
