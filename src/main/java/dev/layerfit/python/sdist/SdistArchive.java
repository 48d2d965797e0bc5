package dev.layerfit.python.sdist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an sdist ({@code .tar.gz}: POSIX ustar with pax and GNU long names; or {@code .zip}) into a folder: regular
 * files and folders only (links and devices are skipped), and no entry may leave the folder. The source tree is the
 * one top-level folder (PEP 625: {@code name-version/}).
 */
final class SdistArchive {

    private static final int BLOCK = 512;

    private SdistArchive() {
    }

    /** Unpacks {@code sdist} under {@code into}; returns the source tree (the single top folder, else {@code into}). */
    static Path extract(Path sdist, Path into, String label) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        String name = sdist.getFileName().toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(sdist))) {
            if (name.endsWith(".zip")) {
                extractZip(raw, root, label);
            } else {
                extractTar(new GZIPInputStream(raw), root, label);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new SdistBuildException(label + " is not a readable sdist archive (" + e.getMessage()
                    + "); the index serves a damaged file");
        }
        try (var top = Files.list(root)) {
            var entries = top.toList();
            return entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : root;
        }
    }

    private static void extractZip(InputStream in, Path root, String label) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                Path dest = inside(root, e.getName(), label);
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(zin, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void extractTar(InputStream in, Path root, String label) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK || isZero(header)) {
                return;
            }
            String entryName = longName != null ? longName : ustarName(header);
            longName = null;
            long size = Long.parseLong(octal(header, 124, 12).isEmpty() ? "0" : octal(header, 124, 12), 8);
            char type = (char) (header[156] == 0 ? '0' : header[156]);
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'x' || type == 'L') {
                byte[] data = in.readNBytes((int) padded);
                String text = new String(data, 0, (int) size, StandardCharsets.UTF_8);
                longName = type == 'L' ? text.replace("\0", "") : paxPath(text);
                continue;
            }
            if (type == '0' || type == '7') {
                Path dest = inside(root, entryName, label);
                Files.createDirectories(dest.getParent());
                try (var out = Files.newOutputStream(dest)) {
                    copy(in, out, size);
                }
                in.skipNBytes(padded - size);
            } else {
                if (type == '5') {
                    Files.createDirectories(inside(root, entryName, label));
                }
                in.skipNBytes(padded);
            }
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        String prefix = new String(h, 257, 6, StandardCharsets.US_ASCII).startsWith("ustar") ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a pax extended header ({@code "LEN path=VALUE\n"} records), or null. */
    private static String paxPath(String text) {
        int i = 0;
        while (i < text.length()) {
            int space = text.indexOf(' ', i);
            if (space < 0) {
                return null;
            }
            int len = Integer.parseInt(text.substring(i, space));
            String record = text.substring(space + 1, Math.min(text.length(), i + len - 1));
            if (record.startsWith("path=")) {
                return record.substring(5);
            }
            i += len;
        }
        return null;
    }

    private static Path inside(Path root, String name, String label) {
        Path dest = root.resolve(name).normalize();
        if (!dest.startsWith(root) || name.startsWith("/")) {
            throw new SdistBuildException(label + " has an entry outside its folder (" + name + "); it is refused as unsafe");
        }
        return dest;
    }

    private static void copy(InputStream in, java.io.OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new java.io.EOFException("the archive ends inside an entry");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static String octal(byte[] b, int off, int len) {
        return cString(b, off, len).trim();
    }
}
