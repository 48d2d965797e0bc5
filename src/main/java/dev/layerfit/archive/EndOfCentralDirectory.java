package dev.layerfit.archive;

import static dev.layerfit.archive.LittleEndian.s32;
import static dev.layerfit.archive.LittleEndian.u16;
import static dev.layerfit.archive.LittleEndian.u32;
import static dev.layerfit.archive.LittleEndian.u64;

import java.io.IOException;

/**
 * Where a zip's central directory is, read from its end record (PKWARE APPNOTE 6.3.10, 4.3.16) and, when
 * present, its zip64 locator and zip64 end record (4.3.14, 4.3.15). Only the file's tail is read.
 *
 * @param entryCount       the total number of entries the end record declares
 * @param directoryOffset  where the central directory starts in the file (prefix bytes already added)
 * @param directorySize    the central directory's length in bytes
 * @param prefixBytes      bytes found before the zip proper (a self-extractor stub); stored offsets are
 *                         shifted by this, as Info-ZIP and Python's zipfile do
 * @param zip64            whether a zip64 end record supplied the figures
 */
record EndOfCentralDirectory(long entryCount, long directoryOffset, long directorySize, long prefixBytes, boolean zip64) {

    static final int EOCD_SIGNATURE = 0x06054b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    static final int EOCD_LENGTH = 22;
    static final int ZIP64_LOCATOR_LENGTH = 20;
    static final int ZIP64_EOCD_LENGTH = 56;
    /** The end record plus the longest comment it can carry: the most of the tail a reader must search. */
    static final int MAX_SEARCH_WINDOW = EOCD_LENGTH + 0xFFFF;
    /**
     * The tail read first: enough for the end record of a zip with a short comment and, for a small zip, its whole
     * central directory. Only when no end record is found there is the tail widened to {@link #MAX_SEARCH_WINDOW}.
     */
    static final int FIRST_WINDOW = 8192;

    /** The end record(s) and the tail bytes read to find them ({@code tail} starts at {@code tailStart}). */
    record Found(EndOfCentralDirectory end, long tailStart, byte[] tail) {

        /** {@code len} bytes at {@code offset} when they lie inside the tail already read, else null. */
        byte[] sliceIfHeld(long offset, int len) {
            if (offset < tailStart || offset + len > tailStart + tail.length) {
                return null;
            }
            return slice(tail, (int) (offset - tailStart), len);
        }
    }

    /**
     * Finds and reads the end record(s) of the zip in {@code source} ({@code label} names it in messages), reading the last {@link #FIRST_WINDOW} bytes first and widening to the
     * last {@link #MAX_SEARCH_WINDOW} bytes (fetching only the missing front part) when the end record is not there.
     */
    static Found locateWithTail(RandomAccessSource source, String label) throws IOException {
        long size = source.size();
        if (size < EOCD_LENGTH) {
            throw new NotAZipException(label + " is not a zip file (it is only " + size
                    + " bytes, too short for a zip's end record); give a .zip file or a folder");
        }
        int window = (int) Math.min(size, FIRST_WINDOW);
        long windowStart = size - window;
        byte[] tail = source.read(windowStart, window);
        int at = findEndRecord(tail);
        int widest = (int) Math.min(size, MAX_SEARCH_WINDOW);
        if (at < 0 && widest > window) {
            byte[] front = source.read(size - widest, widest - window);
            byte[] joined = new byte[widest];
            System.arraycopy(front, 0, joined, 0, front.length);
            System.arraycopy(tail, 0, joined, front.length, tail.length);
            tail = joined;
            window = widest;
            windowStart = size - widest;
            at = findEndRecord(tail);
        }
        if (at < 0) {
            throw new NotAZipException(label + " is not a zip file, or is truncated (no end-of-central-directory record "
                    + "in its last " + window + " bytes); give a complete .zip file or a folder");
        }
        long eocdPosition = windowStart + at;
        int disk = u16(tail, at + 4);
        int directoryDisk = u16(tail, at + 6);
        long entries = u16(tail, at + 10);
        long cdSize = u32(tail, at + 12);
        long cdOffset = u32(tail, at + 16);

        long directoryEnd = eocdPosition;
        boolean zip64 = false;
        long locatorPosition = eocdPosition - ZIP64_LOCATOR_LENGTH;
        if (locatorPosition >= 0) {
            byte[] locator = locatorPosition >= windowStart
                    ? slice(tail, (int) (locatorPosition - windowStart), ZIP64_LOCATOR_LENGTH)
                    : source.read(locatorPosition, ZIP64_LOCATOR_LENGTH);
            if (s32(locator, 0) == ZIP64_LOCATOR_SIGNATURE) {
                long recordPosition = findZip64Record(source, label, u64(locator, 8), locatorPosition);
                byte[] record = source.read(recordPosition, ZIP64_EOCD_LENGTH);
                disk = (int) u32(record, 16);
                directoryDisk = (int) u32(record, 20);
                entries = u64(record, 32);
                cdSize = u64(record, 40);
                cdOffset = u64(record, 48);
                directoryEnd = recordPosition;
                zip64 = true;
            }
        }
        if (disk != 0 || directoryDisk != 0) {
            throw new UnsupportedZipException(label + " is one part of a split (multi-disk) zip, which layerfit cannot read; "
                    + "join the parts into one zip (zip -s 0) first");
        }
        if (entries < 0 || cdSize < 0 || cdOffset < 0 || cdSize > directoryEnd || cdOffset > directoryEnd - cdSize) {
            throw new CorruptZipException(label + " is truncated or corrupt: its end record places the central directory at offset "
                    + Long.toUnsignedString(cdOffset) + " (" + Long.toUnsignedString(cdSize) + " bytes), past the "
                    + directoryEnd + " bytes that precede the end record; download or build the zip again");
        }
        long prefix = directoryEnd - cdSize - cdOffset;
        return new Found(new EndOfCentralDirectory(entries, cdOffset + prefix, cdSize, prefix, zip64), windowStart, tail);
    }

    /**
     * The position of the last end-record signature whose comment fits in the rest of the window (as
     * Python's zipfile, the last one wins), or -1.
     */
    private static int findEndRecord(byte[] tail) {
        for (int i = tail.length - EOCD_LENGTH; i >= 0; i--) {
            if (tail[i] == 'P' && s32(tail, i) == EOCD_SIGNATURE && i + EOCD_LENGTH + u16(tail, i + 20) <= tail.length) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The zip64 end record is where the locator says, or (for a zip with prefix bytes, whose stored offsets
     * are too small) directly before the locator.
     */
    private static long findZip64Record(RandomAccessSource source, String label, long stated, long locatorPosition) throws IOException {
        if (stated >= 0 && stated <= locatorPosition - ZIP64_EOCD_LENGTH
                && s32(source.read(stated, 4), 0) == ZIP64_EOCD_SIGNATURE) {
            return stated;
        }
        long before = locatorPosition - ZIP64_EOCD_LENGTH;
        if (before >= 0 && s32(source.read(before, 4), 0) == ZIP64_EOCD_SIGNATURE) {
            return before;
        }
        throw new CorruptZipException(label + " is corrupt: its zip64 locator points at offset " + Long.toUnsignedString(stated)
                + ", where there is no zip64 end record; download or build the zip again");
    }

    private static byte[] slice(byte[] b, int from, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }
}
