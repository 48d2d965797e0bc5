package dev.layerfit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Writes little-endian zip record fields to a stream and keeps the position (APPNOTE 4.4: all values little-endian). */
final class ZipRecords implements AutoCloseable {

    private final OutputStream out;
    private long position;

    ZipRecords(OutputStream out) {
        this.out = out;
    }

    long position() {
        return position;
    }

    OutputStream stream() {
        return out;
    }

    /** Accounts for bytes written straight to {@link #stream()}. */
    void advance(long n) {
        position += n;
    }

    ZipRecords u16(int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        position += 2;
        return this;
    }

    ZipRecords u32(long v) throws IOException {
        u16((int) (v & 0xFFFF));
        return u16((int) ((v >>> 16) & 0xFFFF));
    }

    ZipRecords u64(long v) throws IOException {
        u32(v & 0xFFFFFFFFL);
        return u32(v >>> 32);
    }

    ZipRecords bytes(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
        return this;
    }

    /** Copies exactly {@code length} bytes of {@code in}; a file that has shrunk meanwhile is an error. */
    void copy(InputStream in, long length, Path source) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(source + " shrank while it was being zipped; zip it again when nothing is writing to the folder");
            }
            out.write(buffer, 0, n);
            left -= n;
            position += n;
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
