package dev.layerfit.archive;

import static dev.layerfit.archive.LittleEndian.u16;
import static dev.layerfit.archive.LittleEndian.u32;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Decodes entry names from central-directory bytes (PKWARE APPNOTE appendix D): UTF-8 when general-purpose
 * flag bit 11 is set, otherwise IBM code page 437, unless an Info-ZIP Unicode Path extra field (0x7075,
 * APPNOTE 4.6.9) carries a UTF-8 name whose CRC-32 matches the stored name. ASCII names take a fast path.
 */
final class EntryNames {

    static final int UTF8_FLAG = 1 << 11;
    private static final int UNICODE_PATH_EXTRA = 0x7075;

    /** Code page 437 characters for bytes 0x80..0xFF (0x00..0x7F are ASCII). */
    private static final String CP437_HIGH = ""
            + "\u00C7\u00FC\u00E9\u00E2\u00E4\u00E0\u00E5\u00E7\u00EA\u00EB\u00E8\u00EF\u00EE\u00EC\u00C4\u00C5"
            + "\u00C9\u00E6\u00C6\u00F4\u00F6\u00F2\u00FB\u00F9\u00FF\u00D6\u00DC\u00A2\u00A3\u00A5\u20A7\u0192"
            + "\u00E1\u00ED\u00F3\u00FA\u00F1\u00D1\u00AA\u00BA\u00BF\u2310\u00AC\u00BD\u00BC\u00A1\u00AB\u00BB"
            + "\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510"
            + "\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567"
            + "\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580"
            + "\u03B1\u00DF\u0393\u03C0\u03A3\u03C3\u00B5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229"
            + "\u2261\u00B1\u2265\u2264\u2320\u2321\u00F7\u2248\u00B0\u2219\u00B7\u221A\u207F\u00B2\u25A0\u00A0";

    private EntryNames() {
    }

    /**
     * The name stored at {@code b[off..off+len)}; {@code extraOff}/{@code extraLen} locate the record's
     * extra field, consulted only for a non-ASCII name without the UTF-8 flag.
     */
    static String decode(byte[] b, int off, int len, int flags, int extraOff, int extraLen) {
        if (isAscii(b, off, len)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if ((flags & UTF8_FLAG) != 0) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        String unicodePath = unicodePathExtra(b, off, len, extraOff, extraLen);
        return unicodePath != null ? unicodePath : cp437(b, off, len);
    }

    private static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String cp437(byte[] b, int off, int len) {
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            int c = b[off + i] & 0xFF;
            chars[i] = c < 0x80 ? (char) c : CP437_HIGH.charAt(c - 0x80);
        }
        return new String(chars);
    }

    private static String unicodePathExtra(byte[] b, int nameOff, int nameLen, int extraOff, int extraLen) {
        int p = extraOff;
        int end = extraOff + extraLen;
        while (p + 4 <= end) {
            int id = u16(b, p);
            int size = u16(b, p + 2);
            int data = p + 4;
            if (data + size > end) {
                return null;
            }
            if (id == UNICODE_PATH_EXTRA && size >= 5 && b[data] == 1) {
                CRC32 crc = new CRC32();
                crc.update(b, nameOff, nameLen);
                if (crc.getValue() == u32(b, data + 1)) {
                    return new String(b, data + 5, size - 5, StandardCharsets.UTF_8);
                }
            }
            p = data + size;
        }
        return null;
    }
}
