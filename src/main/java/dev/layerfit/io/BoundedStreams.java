package dev.layerfit.io;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 8192));
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > cap) {
                throw tooLarge.get();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
