package dev.layerfit.report;

import java.util.Locale;

/**
 * Human formatting of byte counts. AWS writes "MB" where it means MiB (250 MB = 262,144,000 bytes), so
 * layerfit prints binary units with their proper names and keeps exact bytes beside them where it matters.
 */
public final class Bytes {

    private static final long KIB = 1024L;
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * 1024L * 1024L;

    private Bytes() {
    }

    /** "262,144,000". */
    public static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    /** "250.0 MiB", "12.3 KiB", "17 B". */
    public static String human(long bytes) {
        long abs = Math.abs(bytes);
        if (abs >= GIB) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) GIB);
        }
        if (abs >= MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
        }
        if (abs >= KIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) KIB);
        }
        return bytes + " B";
    }

    /** "250.0 MiB (262,144,000 bytes)". */
    public static String both(long bytes) {
        return human(bytes) + " (" + exact(bytes) + " bytes)";
    }

    /** Share of {@code whole} as "12.3%". */
    public static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
