package dev.layerfit.io;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Rules for names from untrusted data (index pages, zips, listings, configs) before they become parts of a path:
 * hashes are exactly 64 hex digits, file names are one plain segment, and every path built from them resolves
 * inside its root.
 */
public final class SafePaths {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private SafePaths() {
    }

    /** Whether {@code s} is a sha256 in hex (64 digits), the only form layerfit puts into a path. */
    public static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    /**
     * Whether {@code name} is a single plain file name: not empty, not {@code .} or {@code ..}, no separator
     * ({@code /} or {@code \}), no NUL or other control character, at most 255 bytes.
     */
    public static boolean isPlainFileName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code root} joined with {@code parts}, checked to stay inside {@code root} after normalisation.
     *
     * @throws UnsafeFileException when it would not
     */
    public static Path inside(Path root, String... parts) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base;
        for (String part : parts) {
            p = p.resolve(part);
        }
        p = p.normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new UnsafeFileException("refusing the path " + String.join("/", parts) + ": it would lie outside " + root);
        }
        return p;
    }
}
