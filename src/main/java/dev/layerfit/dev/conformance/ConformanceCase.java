package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One line of a conformance file with the checker that knows how to run it. */
public record ConformanceCase(String file, int line, JsonNode data, CaseChecker checker) {

    /** A readable label: the case's input and where it is. */
    public String name() {
        return file + ":" + line + " " + checker.describe(data);
    }

    /** Runs the case: empty when it passes, otherwise what differed. */
    public Optional<String> run() {
        try {
            return checker.check(data);
        } catch (RuntimeException e) {
            return Optional.of("threw " + e);
        }
    }
}
