package dev.layerfit.python.pep508;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PEP 508 environment marker such as {@code python_version >= "3.9" and platform_machine == "x86_64"},
 * parsed, printed and evaluated as pypa/packaging 26.2 {@code Marker} does in its default "metadata"
 * context.
 */
public final class Marker {

    private final List<Object> tree;

    private Marker(List<Object> tree) {
        this.tree = tree;
    }

    /** Parses a marker; throws {@link InvalidMarkerException} with the position of the fault. */
    public static Marker parse(String text) {
        try {
            return new Marker(MarkerTree.normaliseExtras(DependencyParser.parseMarker(text)));
        } catch (Tokenizer.ParseFailure e) {
            throw new InvalidMarkerException(text, e.detail);
        }
    }

    static Marker fromTree(List<Object> parsed) {
        return new Marker(MarkerTree.normaliseExtras(parsed));
    }

    /**
     * Evaluates against {@code environment} (PEP 508 variable name to value). {@code extra} defaults to
     * {@code ""} and is normalised (PEP 685). Versions are compared as versions for the version variables
     * when the value makes a valid specifier; other comparisons are on strings.
     *
     * @throws UndefinedComparisonException when the comparison is undefined (e.g. {@code ~=} on "posix")
     * @throws UndefinedEnvironmentNameException when a variable is missing from {@code environment}
     */
    public boolean evaluate(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>();
        env.put("extra", "");
        env.putAll(environment);
        String extra = env.get("extra");
        env.put("extra", extra == null || extra.isEmpty() ? "" : ProjectName.canonicalize(extra));
        String full = env.get("python_full_version");
        if (full != null && full.endsWith("+")) {
            env.put("python_full_version", full + "local");
        }
        return MarkerTree.evaluate(tree, env);
    }

    /** Evaluates against a target environment. */
    public boolean evaluate(MarkerEnvironment environment) {
        return evaluate(environment.asMap());
    }

    /** The normalised form, as {@code str(Marker(...))}: double quotes, single spaces, redundant parentheses dropped. */
    @Override
    public String toString() {
        return MarkerTree.format(tree, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marker && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
