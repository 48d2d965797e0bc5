package dev.layerfit.python.pep508;

import java.util.Locale;

/** Project (distribution) and extra name normalisation of PEP 503 / PEP 685. */
public final class ProjectName {
    private ProjectName() {
    }

    /** {@code re.sub(r"[-_.]+", "-", name).lower()}, as packaging's {@code canonicalize_name}. */
    public static String canonicalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean inSeparator = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inSeparator) {
                    sb.append('-');
                }
                inSeparator = true;
            } else {
                sb.append(c);
                inSeparator = false;
            }
        }
        return sb.toString();
    }
}
