package dev.layerfit.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@link RandomAccessSource} over a local file: positional reads on one {@link FileChannel}. */
public final class LocalFileSource implements RandomAccessSource {

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private LocalFileSource(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens {@code path} for reading; its size is taken once, now. */
    public static LocalFileSource open(Path path) throws IOException {
        if (java.nio.file.Files.exists(path)) {
            dev.layerfit.io.InputFiles.requireRegular(path, "the file"); // a FIFO would block, a device never ends
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new LocalFileSource(path, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long offset, byte[] buf, int off, int len) throws IOException {
        if (offset < 0 || len < 0 || offset > size - len) {
            throw new EOFException(path + ": cannot read " + len + " bytes at offset " + offset + " of a " + size + "-byte file");
        }
        ByteBuffer target = ByteBuffer.wrap(buf, off, len);
        long position = offset;
        while (target.hasRemaining()) {
            int n = channel.read(target, position);
            if (n < 0) {
                throw new EOFException(path + " became shorter while being read (at offset " + position + ")");
            }
            position += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
