package dev.layerfit.archive;

/** Unsigned little-endian reads from a byte array, as every zip record stores its numbers. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int i) {
        return s32(b, i) & 0xFFFF_FFFFL;
    }

    /** The four bytes as a Java int (signatures are compared this way, without widening). */
    static int s32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    /** Eight bytes; a value with the top bit set comes back negative, which callers treat as absurd. */
    static long u64(byte[] b, int i) {
        return u32(b, i) | u32(b, i + 4) << 32;
    }
}
