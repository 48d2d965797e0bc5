package dev.layerfit.lambda;

import java.util.Locale;

/** Formats byte counts for people: exact bytes with thousands separators, then MiB and MB. */
public final class ByteSizeFormat {

    private ByteSizeFormat() {
    }

    /**
     * A count with its noun in the right number: {@code count(1, "layer")} is "1 layer", {@code count(5, "layer")}
     * "5 layers"; a noun ending in a consonant and y takes "ies" ("1 entry", "2 entries"), one ending in s, x, sh or ch
     * takes "es".
     */
    public static String count(long n, String singular) {
        if (n == 1) {
            return "1 " + singular;
        }
        String plural;
        if (singular.endsWith("y") && singular.length() > 1 && "aeiou".indexOf(singular.charAt(singular.length() - 2)) < 0) {
            plural = singular.substring(0, singular.length() - 1) + "ies";
        } else if (singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("sh") || singular.endsWith("ch")) {
            plural = singular + "es";
        } else {
            plural = singular + "s";
        }
        return String.format(Locale.ROOT, "%,d ", n) + plural;
    }

    /** {@code 85,207,199 bytes (81.3 MiB, 85.2 MB)}; under 1 MB just the bytes. */
    public static String describe(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        if (Math.abs(bytes) < 1_000_000) {
            return exact;
        }
        return exact + " (" + mib(bytes) + ", " + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) + ")";
    }

    /** {@code 81.3 MiB}. */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** {@code 85,207,199}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Share of {@code whole} as {@code 12.3%}; "-" when the whole is 0. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** Compact, for tables: {@code 81.3 MiB}, {@code 12.4 KiB}, {@code 310 B}. */
    public static String human(long bytes) {
        long abs = Math.abs(bytes);
        if (abs >= 1024L * 1024L) {
            return mib(bytes);
        }
        if (abs >= 1024L) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
