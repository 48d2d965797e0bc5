package dev.layerfit.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files byte by byte for tests, with control over what java.util.zip will not do: zip64 fields,
 * Unix external attributes (symlinks), duplicate names, comments, prefixes, raw extras and odd header values.
 * Layout from PKWARE APPNOTE 6.3.10 sections 4.3.7, 4.3.12, 4.3.14-4.3.16, 4.5.3.
 */
final class ZipBytesBuilder {

    static final int HOST_UNIX = 3;
    static final int HOST_MSDOS = 0;

    /** One entry as it will be written; fields are public for tests to tweak before {@link #build()}. */
    static final class Entry {
        byte[] name;
        byte[] data;
        byte[] stored;
        int method;
        int flags;
        int host = HOST_UNIX;
        long externalAttributes;
        byte[] extra = new byte[0];
        long crc;
        /** When set, the sizes are written as 0xFFFFFFFF with the real values in a zip64 extra field. */
        boolean zip64Sizes;
        /** Overrides the uncompressed size written to the central directory (data is unchanged). */
        Long claimedUncompressed;
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] comment = new byte[0];
    private byte[] prefix = new byte[0];
    private boolean zip64End;
    private long centralDirectoryOffset;
    private long centralDirectorySize;

    Entry file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8), 0100644);
    }

    Entry file(String name, byte[] data, int mode) {
        Entry e = new Entry();
        e.name = name.getBytes(StandardCharsets.UTF_8);
        e.flags = EntryNames.UTF8_FLAG;
        e.data = data;
        e.stored = data;
        e.externalAttributes = (long) mode << 16;
        entries.add(e);
        return e;
    }

    Entry deflated(String name, byte[] data) {
        Entry e = file(name, data, 0100644);
        e.method = 8;
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        e.stored = out.toByteArray();
        return e;
    }

    Entry directory(String name) {
        Entry e = file(name, new byte[0], 040755);
        e.externalAttributes |= 0x10;
        return e;
    }

    Entry symlink(String name, String target) {
        return file(name, target.getBytes(StandardCharsets.UTF_8), 0120777);
    }

    /** An entry whose name bytes are written raw, without the UTF-8 flag (so readers decode CP437). */
    Entry rawName(byte[] name, String text) {
        Entry e = file("x", text);
        e.name = name;
        e.flags = 0;
        return e;
    }

    ZipBytesBuilder comment(String text) {
        comment = text.getBytes(StandardCharsets.ISO_8859_1);
        return this;
    }

    ZipBytesBuilder comment(byte[] bytes) {
        comment = bytes;
        return this;
    }

    ZipBytesBuilder prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    ZipBytesBuilder zip64End() {
        zip64End = true;
        return this;
    }

    long centralDirectoryOffset() {
        return centralDirectoryOffset;
    }

    long centralDirectorySize() {
        return centralDirectorySize;
    }

    byte[] build() {
        Out out = new Out();
        out.bytes(prefix);
        long[] offsets = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            CRC32 crc = new CRC32();
            crc.update(e.data);
            e.crc = crc.getValue();
            offsets[i] = out.size() - prefix.length;
            byte[] extra = e.zip64Sizes ? concat(zip64Extra(e.data.length, e.stored.length, -1), e.extra) : e.extra;
            out.u32(0x04034b50).u16(e.zip64Sizes ? 45 : 20).u16(e.flags).u16(e.method).u16(0).u16(0x21).u32(e.crc)
                    .u32(e.zip64Sizes ? 0xFFFFFFFFL : e.stored.length).u32(e.zip64Sizes ? 0xFFFFFFFFL : e.data.length)
                    .u16(e.name.length).u16(extra.length).bytes(e.name).bytes(extra).bytes(e.stored);
        }
        centralDirectoryOffset = out.size() - prefix.length;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long uncompressed = e.claimedUncompressed != null ? e.claimedUncompressed : e.data.length;
            byte[] extra = e.zip64Sizes ? concat(zip64Extra(uncompressed, e.stored.length, offsets[i]), e.extra) : e.extra;
            out.u32(0x02014b50).u16(e.host << 8 | 63).u16(20).u16(e.flags).u16(e.method).u16(0).u16(0x21).u32(e.crc)
                    .u32(e.zip64Sizes ? 0xFFFFFFFFL : e.stored.length).u32(e.zip64Sizes ? 0xFFFFFFFFL : uncompressed)
                    .u16(e.name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(e.externalAttributes)
                    .u32(e.zip64Sizes ? 0xFFFFFFFFL : offsets[i]).bytes(e.name).bytes(extra);
        }
        centralDirectorySize = out.size() - prefix.length - centralDirectoryOffset;
        if (zip64End) {
            long recordOffset = out.size() - prefix.length;
            out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(entries.size()).u64(entries.size())
                    .u64(centralDirectorySize).u64(centralDirectoryOffset);
            out.u32(0x07064b50).u32(0).u64(recordOffset).u32(1);
        }
        out.u32(0x06054b50).u16(0).u16(0)
                .u16(zip64End ? 0xFFFF : entries.size()).u16(zip64End ? 0xFFFF : entries.size())
                .u32(zip64End ? 0xFFFFFFFFL : centralDirectorySize).u32(zip64End ? 0xFFFFFFFFL : centralDirectoryOffset)
                .u16(comment.length).bytes(comment);
        return out.toByteArray();
    }

    /** The zip64 extended information extra field; a negative offset is left out. */
    private static byte[] zip64Extra(long uncompressed, long compressed, long offset) {
        Out out = new Out();
        out.u16(0x0001).u16(offset < 0 ? 16 : 24).u64(uncompressed).u64(compressed);
        if (offset >= 0) {
            out.u64(offset);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Little-endian writer. */
    static final class Out extends ByteArrayOutputStream {
        Out u16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Out u32(long v) {
            u16((int) (v & 0xFFFF));
            return u16((int) (v >>> 16 & 0xFFFF));
        }

        Out u64(long v) {
            u32(v & 0xFFFFFFFFL);
            return u32(v >>> 32);
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }

    /** Little-endian patch helpers for corrupting a built zip. */
    static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] b, int at, long v) {
        putU16(b, at, (int) (v & 0xFFFF));
        putU16(b, at + 2, (int) (v >>> 16 & 0xFFFF));
    }
}
