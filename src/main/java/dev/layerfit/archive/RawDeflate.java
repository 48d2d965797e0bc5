package dev.layerfit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * Raw deflate (RFC 1951, no zlib header) of a stream in 64 KiB chunks. The one routine both the zip writer
 * and the size model ({@link FolderZipSize}) use, so the bytes counted are the bytes written.
 */
final class RawDeflate {

    private static final int CHUNK = 64 * 1024;

    private RawDeflate() {
    }

    /** Deflates {@code in} at {@code level} into {@code out}; returns the number of bytes written to {@code out}. */
    static long deflate(InputStream in, int level, OutputStream out) throws IOException {
        Deflater deflater = new Deflater(level, true);
        byte[] input = new byte[CHUNK];
        byte[] output = new byte[CHUNK];
        long total = 0;
        try {
            int n;
            while ((n = in.read(input)) > 0) {
                deflater.setInput(input, 0, n);
                while (!deflater.needsInput()) {
                    int got = deflater.deflate(output);
                    out.write(output, 0, got);
                    total += got;
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                int got = deflater.deflate(output);
                out.write(output, 0, got);
                total += got;
            }
            return total;
        } finally {
            deflater.end();
        }
    }
}
