package dev.layerfit.pipeline;

import java.util.List;

/**
 * The outcome of importing a layer's top-level modules.
 *
 * @param python   the interpreter used ({@code python3.11}), or null when skipped
 * @param modules  the names tried
 * @param failures each failing module and the last line of its error
 * @param skipped  why it did not run (no interpreter of the target's version on the PATH), or null
 */
public record ImportCheck(String python, List<String> modules, List<Failure> failures, String skipped) {

    public ImportCheck {
        modules = List.copyOf(modules);
        failures = List.copyOf(failures);
    }

    /** One module that failed to import. */
    public record Failure(String module, String error) {
    }

    /** True when it ran and every module imported. */
    public boolean passed() {
        return skipped == null && failures.isEmpty();
    }
}
