package dev.layerfit.dev.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Collects field-by-field differences between an expected and an actual answer. */
final class Expect {
    private final List<String> differences = new ArrayList<>();

    Expect field(String name, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(name + ": expected " + show(expected) + " but was " + show(actual));
        }
        return this;
    }

    Expect fail(String message) {
        differences.add(message);
        return this;
    }

    Optional<String> result() {
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    private static String show(Object o) {
        return o instanceof String ? "'" + o + "'" : String.valueOf(o);
    }
}
