package dev.layerfit.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Reading a stream into memory with a cap, whatever size the source announced. */
public final class BoundedStreams {

    private BoundedStreams() {
    }

    /**
     * Reads {@code in} to its end, or throws {@code tooLarge} as soon as more than {@code cap} bytes arrive. Memory
     * grows with the bytes actually read, never with a size a header or zip entry claims.
     */
    public static byte[] readAtMost(InputStream in, long cap, Supplier<? extends RuntimeException> tooLarge) throws IOException {
        // readNBytes grows its buffer with what arrives (a file's stream sizes it from the file), and is one call where
        // a loop of our own was most of reading a small file before the JIT compiled it
        byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > cap) {
            throw tooLarge.get();
        }
        return bytes;
    }
}
