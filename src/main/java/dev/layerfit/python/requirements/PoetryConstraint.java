package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Poetry's version constraints ({@code ^3.11}, {@code ~3.11}, {@code >=3.9,<4.0}, {@code 3.11.*}, {@code *}) as a
 * PEP 440 specifier, for a {@code poetry.lock}'s {@code python-versions}. Poetry's documented rules ("Dependency
 * specification"): caret allows changes that keep the left-most non-zero part, tilde allows patch changes (minor
 * changes when only a major is given); {@code ||} separates alternatives (one specifier each).
 */
final class PoetryConstraint {

    private PoetryConstraint() {
    }

    /** One PEP 440 specifier per {@code ||} alternative. */
    static List<String> alternatives(String constraint, String label) {
        List<String> out = new ArrayList<>();
        for (String alt : constraint.split("\\|\\|")) {
            out.add(toPep440(alt, label));
        }
        return out;
    }

    static String toPep440(String constraint, String label) {
        String c = constraint.strip();
        if (c.equals("*") || c.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String part : c.split("[,\\s]+(?=[\\^~<>=!0-9])")) {
            String p = part.strip().replace(" ", "");
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("^")) {
                out.addAll(caret(p.substring(1), constraint, label));
            } else if (p.startsWith("~") && !p.startsWith("~=")) {
                out.addAll(tilde(p.substring(1), constraint, label));
            } else if (Character.isDigit(p.charAt(0))) {
                out.add("==" + p);
            } else {
                out.add(p);
            }
        }
        return String.join(",", out);
    }

    private static List<String> caret(String v, String constraint, String label) {
        int[] parts = parts(v, constraint, label);
        int i = 0;
        while (i < parts.length - 1 && parts[i] == 0) {
            i++;
        }
        return List.of(">=" + v, "<" + bump(parts, i));
    }

    private static List<String> tilde(String v, String constraint, String label) {
        int[] parts = parts(v, constraint, label);
        return List.of(">=" + v, "<" + bump(parts, parts.length == 1 ? 0 : 1));
    }

    private static String bump(int[] parts, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= at; i++) {
            sb.append(i == 0 ? "" : ".").append(i == at ? parts[i] + 1 : parts[i]);
        }
        return sb.toString();
    }

    private static int[] parts(String v, String constraint, String label) {
        try {
            String[] s = v.split("\\.");
            int[] out = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = Integer.parseInt(s[i]);
            }
            return out;
        } catch (NumberFormatException e) {
            throw new BadInputException(label + ": python-versions \"" + constraint + "\" is not a Poetry constraint layerfit "
                    + "reads; re-create the lock", e);
        }
    }
}
