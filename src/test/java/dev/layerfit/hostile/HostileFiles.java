package dev.layerfit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Hostile files made at test time: zips written byte by byte (claimed sizes, names), wheels, FIFOs, device copies. */
final class HostileFiles {

    private HostileFiles() {
    }

    /** One zip entry: its name, data, and optionally a claimed uncompressed size different from the data's. */
    record Entry(String name, byte[] data, boolean deflate, long claimedSize) {
        static Entry of(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), false, -1);
        }
    }

    /** A zip with exactly these entries (local headers, central directory, end record; APPNOTE 4.3). */
    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] stored = e.deflate() ? deflate(e.data()) : e.data();
            CRC32 crc = new CRC32();
            crc.update(e.data());
            long size = e.claimedSize() >= 0 ? e.claimedSize() : e.data().length;
            int offset = out.size();
            u32(out, 0x04034b50);
            u16(out, 20);
            u16(out, 0x0800);
            u16(out, e.deflate() ? 8 : 0);
            u16(out, 0);
            u16(out, 0x21);
            u32(out, crc.getValue());
            u32(out, stored.length);
            u32(out, size);
            u16(out, name.length);
            u16(out, 0);
            out.writeBytes(name);
            out.writeBytes(stored);
            u32(central, 0x02014b50);
            u16(central, 0x031e);
            u16(central, 20);
            u16(central, 0x0800);
            u16(central, e.deflate() ? 8 : 0);
            u16(central, 0);
            u16(central, 0x21);
            u32(central, crc.getValue());
            u32(central, stored.length);
            u32(central, size);
            u16(central, name.length);
            u16(central, 0);
            u16(central, 0);
            u16(central, 0);
            u16(central, 0);
            u32(central, (0100644L) << 16);
            u32(central, offset);
            central.writeBytes(name);
        }
        int cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        u32(out, 0x06054b50);
        u16(out, 0);
        u16(out, 0);
        u16(out, entries.size());
        u16(out, entries.size());
        u32(out, central.size());
        u32(out, cdOffset);
        u16(out, 0);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xffff));
        u16(out, (int) ((v >>> 16) & 0xffff));
    }

    /** The file name of the generated wheel. */
    static final String WHEEL_NAME = "hostile_demo-1.0-py3-none-any.whl";

    /** A real, installable wheel of {@code hostile-demo 1.0} (PEP 427: METADATA, WHEEL, RECORD). */
    static byte[] wheel() {
        String di = "hostile_demo-1.0.dist-info/";
        String module = "VALUE = 1\n";
        String metadata = "Metadata-Version: 2.1\nName: hostile-demo\nVersion: 1.0\n";
        String wheelFile = "Wheel-Version: 1.0\nGenerator: layerfit-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n";
        String top = "hostile_demo\n";
        String record = row("hostile_demo/__init__.py", module) + row(di + "METADATA", metadata) + row(di + "WHEEL", wheelFile)
                + row(di + "top_level.txt", top) + di + "RECORD,,\n";
        return zip(List.of(new Entry("hostile_demo/__init__.py", module.getBytes(StandardCharsets.UTF_8), true, -1),
                Entry.of(di + "METADATA", metadata), Entry.of(di + "WHEEL", wheelFile), Entry.of(di + "top_level.txt", top),
                Entry.of(di + "RECORD", record)));
    }

    private static String row(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        String hash = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(b));
        return name + ",sha256=" + hash + "," + b.length + "\n";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** Makes a FIFO with mkfifo; false when the tool or the file system cannot. */
    static boolean mkfifo(Path p) {
        return run("mkfifo", p.toString());
    }

    /** Copies a device node (major, minor) with mknod, as /dev/null is 1 3 and /dev/zero 1 5; false when not allowed. */
    static boolean mknod(Path p, int major, int minor) {
        return run("mknod", p.toString(), "c", Integer.toString(major), Integer.toString(minor));
    }

    private static boolean run(String... cmd) {
        try {
            Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static void write(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
        Files.write(p, bytes);
    }
}
