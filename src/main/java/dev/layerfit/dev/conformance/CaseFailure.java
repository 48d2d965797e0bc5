package dev.layerfit.dev.conformance;

/** A conformance case that did not give the reference answer. */
public record CaseFailure(String file, int line, String input, String detail) {
}
