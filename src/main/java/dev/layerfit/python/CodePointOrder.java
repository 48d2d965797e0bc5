package dev.layerfit.python;

/**
 * Orders strings by Unicode code point, as Python compares {@code str} (Java's {@code String.compareTo} compares
 * UTF-16 units, which differs for characters beyond the Basic Multilingual Plane). Used wherever layerfit must
 * sort or compare exactly as Python's packaging tools do.
 */
public final class CodePointOrder {

    private CodePointOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
