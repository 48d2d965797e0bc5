package dev.layerfit.python.pep508;

import dev.layerfit.python.pep440.Specifier;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep440.InvalidSpecifierException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed form of a marker, shaped like packaging's {@code MarkerList}: a list of {@link Item}s,
 * nested lists (parenthesised groups) and the strings {@code "and"} / {@code "or"}. Formatting and
 * evaluation follow packaging 26.2 {@code markers.py}.
 */
final class MarkerTree {

    /** A marker operand: an environment variable or a quoted value. */
    record Operand(boolean variable, String value) {
        String serialize() {
            return variable ? value : "\"" + value + "\"";
        }
    }

    /** One comparison such as {@code python_version >= "3.8"}. */
    record Item(Operand lhs, String op, Operand rhs) {
        String serialize() {
            return lhs.serialize() + " " + op + " " + rhs.serialize();
        }
    }

    /** Variables compared as versions when the right-hand side makes a valid specifier. */
    private static final Set<String> VERSION_VARIABLES =
            Set.of("implementation_version", "platform_release", "python_full_version", "python_version");

    private MarkerTree() {
    }

    /** PEP 685: an extra's value is normalised where it is compared with {@code extra} at the top level. */
    static List<Object> normaliseExtras(List<Object> markers) {
        List<Object> out = new ArrayList<>(markers.size());
        for (Object m : markers) {
            if (m instanceof Item item) {
                if (item.lhs().variable() && item.lhs().value().equals("extra")) {
                    m = new Item(item.lhs(), item.op(), new Operand(false, ProjectName.canonicalize(item.rhs().value())));
                } else if (item.rhs().variable() && item.rhs().value().equals("extra")) {
                    m = new Item(new Operand(false, ProjectName.canonicalize(item.lhs().value())), item.op(), item.rhs());
                }
            }
            out.add(m);
        }
        return out;
    }

    static String format(Object marker, boolean first) {
        if (marker instanceof List<?> list) {
            if (list.size() == 1 && (list.get(0) instanceof List || list.get(0) instanceof Item)) {
                return format(list.get(0), true);
            }
            List<String> inner = new ArrayList<>();
            for (Object m : list) {
                inner.add(format(m, false));
            }
            String joined = String.join(" ", inner);
            return first ? joined : "(" + joined + ")";
        }
        if (marker instanceof Item item) {
            return item.serialize();
        }
        return (String) marker;
    }

    /** Evaluates every comparison (no short-circuit, like packaging) and combines them: or of ands. */
    static boolean evaluate(List<Object> markers, Map<String, String> environment) {
        List<List<Boolean>> groups = new ArrayList<>();
        groups.add(new ArrayList<>());
        for (Object m : markers) {
            if (m instanceof List<?> nested) {
                @SuppressWarnings("unchecked")
                List<Object> sub = (List<Object>) nested;
                groups.get(groups.size() - 1).add(evaluate(sub, environment));
            } else if (m instanceof Item item) {
                groups.get(groups.size() - 1).add(evaluateItem(item, environment));
            } else if ("or".equals(m)) {
                groups.add(new ArrayList<>());
            }
        }
        for (List<Boolean> group : groups) {
            if (!group.contains(Boolean.FALSE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean evaluateItem(Item item, Map<String, String> environment) {
        String key;
        String lhs;
        String rhs;
        if (item.lhs().variable()) {
            key = item.lhs().value();
            lhs = lookup(environment, key);
            rhs = item.rhs().value();
        } else {
            lhs = item.lhs().value();
            key = item.rhs().value();
            rhs = lookup(environment, key);
        }
        return compare(lhs, item.op(), rhs, key);
    }

    private static String lookup(Map<String, String> environment, String key) {
        String value = environment.get(key);
        if (value == null) {
            throw new UndefinedEnvironmentNameException(key);
        }
        return value;
    }

    private static boolean compare(String lhs, String op, String rhs, String key) {
        if (VERSION_VARIABLES.contains(key)) {
            Specifier spec = null;
            try {
                spec = Specifier.parse(op + rhs);
            } catch (InvalidSpecifierException notAVersionComparison) {
                // fall back to the string operators below
            }
            if (spec != null) {
                // packaging: Specifier(op + rhs).contains(lhs, prereleases=True)
                return spec.matches(lhs, Version.tryParse(lhs).orElse(null));
            }
        }
        switch (op) {
            case "in":
                return rhs.contains(lhs);
            case "not in":
                return !rhs.contains(lhs);
            case "==":
            case "<=":
            case ">=":
                return lhs.equals(rhs);
            case "!=":
                return !lhs.equals(rhs);
            case "<":
            case ">":
                return false;
            default:
                throw new UndefinedComparisonException(op, lhs, rhs);
        }
    }
}
