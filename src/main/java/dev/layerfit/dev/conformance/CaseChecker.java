package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Checks the cases of one kind of conformance file (one JSON object per line). */
public interface CaseChecker {

    /** The file name this checker reads, e.g. {@code pep440-versions.jsonl}. */
    String fileName();

    /** A short readable name for a case, used to label tests and failures (usually its input). */
    String describe(JsonNode testCase);

    /** Runs one case: empty when it passes, otherwise what differed. */
    Optional<String> check(JsonNode testCase);
}
