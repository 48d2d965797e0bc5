package dev.layerfit.inventory;

import java.util.Locale;

/** Python project names normalised per PEP 503: lower case, each run of '-', '_', '.' becomes one '-'. */
public final class ProjectName {

    private ProjectName() {
    }

    /** {@code "Google_API.python--client"} becomes {@code "google-api-python-client"}. */
    public static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inRun) {
                    out.append('-');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
