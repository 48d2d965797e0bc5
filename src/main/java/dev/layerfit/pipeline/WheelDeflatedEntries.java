package dev.layerfit.pipeline;

import dev.layerfit.archive.PrecompressedEntries;
import dev.layerfit.python.install.LayerLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deflated entries of installed wheels, by the layer path each is installed to: a wheel's root entries go to
 * the site folder as they are, {@code *.data/purelib/} and {@code *.data/platlib/} entries to the site folder too
 * (binary distribution format spec). Read from each wheel's central directory (PKWARE APPNOTE 4.3.12, 4.3.16); only
 * deflated entries of non-zip64 wheels are offered. The zip writer checks size and CRC-32 against the installed file
 * before copying, so a file the slimmer or installer rewrote is compressed afresh.
 */
final class WheelDeflatedEntries implements PrecompressedEntries {

    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DEFLATED = 8;

    private record Entry(Path wheel, long headerOffset, long crc, long size, long compressedSize) implements Candidate {
        @Override
        public byte[] readDeflated() throws IOException {
            try (FileChannel ch = FileChannel.open(wheel, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, header, headerOffset);
                if (header.getInt(0) != 0x04034b50) {
                    throw new IOException(wheel + ": no local header at " + headerOffset);
                }
                long data = headerOffset + 30 + (header.getShort(26) & 0xFFFF) + (header.getShort(28) & 0xFFFF);
                ByteBuffer body = ByteBuffer.allocate(Math.toIntExact(compressedSize));
                readFully(ch, body, data);
                return body.array();
            }
        }
    }

    private final Map<String, Entry> byLayerPath = new HashMap<>();

    /** Indexes {@code wheels} for {@code layout}; a wheel that cannot be read is skipped (its files get compressed). */
    WheelDeflatedEntries(List<Path> wheels, LayerLayout layout) {
        for (Path wheel : wheels) {
            try {
                index(wheel, layout);
            } catch (IOException | RuntimeException e) {
                // not worth failing for: the writer compresses these files itself
            }
        }
    }

    @Override
    public Candidate find(String entryName) {
        return byLayerPath.get(entryName);
    }

    private void index(Path wheel, LayerLayout layout) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(wheel.toFile(), "r"); FileChannel ch = raf.getChannel()) {
            long length = ch.size();
            int tail = (int) Math.min(length, 22 + 65535);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, end, length - tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == END) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                return;
            }
            long cdSize = end.getInt(eocd + 12) & 0xFFFFFFFFL;
            long cdOffset = end.getInt(eocd + 16) & 0xFFFFFFFFL;
            if (cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
                return; // zip64: leave it to the writer
            }
            ByteBuffer cd = ByteBuffer.allocate(Math.toIntExact(cdSize)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, cd, cdOffset);
            int p = 0;
            while (p + 46 <= cd.limit() && cd.getInt(p) == CENTRAL) {
                int method = cd.getShort(p + 10) & 0xFFFF;
                long crc = cd.getInt(p + 16) & 0xFFFFFFFFL;
                long compressed = cd.getInt(p + 20) & 0xFFFFFFFFL;
                long size = cd.getInt(p + 24) & 0xFFFFFFFFL;
                int nameLength = cd.getShort(p + 28) & 0xFFFF;
                int extraLength = cd.getShort(p + 30) & 0xFFFF;
                int commentLength = cd.getShort(p + 32) & 0xFFFF;
                long offset = cd.getInt(p + 42) & 0xFFFFFFFFL;
                byte[] name = new byte[nameLength];
                cd.get(p + 46, name);
                String entry = new String(name, StandardCharsets.UTF_8);
                String site = sitePath(entry);
                if (method == DEFLATED && site != null && !entry.endsWith("/") && offset != 0xFFFFFFFFL
                        && compressed != 0xFFFFFFFFL && size != 0xFFFFFFFFL) {
                    byLayerPath.putIfAbsent(layout.inLayer(site), new Entry(wheel, offset, crc, size, compressed));
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
        }
    }

    /** Where a wheel entry is installed in the site folder, or null for entries not installed there. */
    static String sitePath(String entry) {
        int slash = entry.indexOf('/');
        if (slash > 0 && entry.substring(0, slash).endsWith(".data")) {
            String rest = entry.substring(slash + 1);
            for (String scheme : new String[] {"purelib/", "platlib/"}) {
                if (rest.startsWith(scheme)) {
                    return rest.substring(scheme.length());
                }
            }
            return null;
        }
        return entry;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
        buf.flip();
    }
}
