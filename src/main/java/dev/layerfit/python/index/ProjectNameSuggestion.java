package dev.layerfit.python.index;

import dev.layerfit.python.pep508.ProjectName;
import java.util.Collection;

/** The known project name closest to a misspelt one (Levenshtein distance on normalised names), if close enough. */
final class ProjectNameSuggestion {
    private ProjectNameSuggestion() {
    }

    /** The closest name within a distance of a third of the name's length (at least 1), or null. */
    static String closest(String wanted, Collection<String> known) {
        String target = ProjectName.canonicalize(wanted);
        int limit = Math.max(1, target.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            String candidate = ProjectName.canonicalize(name);
            int d = distance(target, candidate);
            if (d <= limit && (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
