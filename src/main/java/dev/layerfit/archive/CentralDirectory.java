package dev.layerfit.archive;

import static dev.layerfit.archive.LittleEndian.s32;
import static dev.layerfit.archive.LittleEndian.u16;
import static dev.layerfit.archive.LittleEndian.u32;
import static dev.layerfit.archive.LittleEndian.u64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The parsed central directory of a zip (PKWARE APPNOTE 4.3.12): entries in stored order, and for each the
 * facts needed to read its data later (local header offset, method, flags, CRC-32).
 *
 * <p>Plausibility rule (AWS rejects such zips anyway): an entry is corrupt when its compressed size exceeds
 * the whole file, when its data would start at or after the central directory, or when it claims more than
 * {@value #PLAUSIBLE_UNCOMPRESSED_LIMIT} uncompressed bytes at a ratio above {@value #MAX_DEFLATE_RATIO}:1,
 * deflate's maximum expansion.
 */
final class CentralDirectory {

    static final int HEADER_SIGNATURE = 0x02014b50;
    static final int HEADER_LENGTH = 46;
    static final long PLAUSIBLE_UNCOMPRESSED_LIMIT = 10L << 30;
    static final long MAX_DEFLATE_RATIO = 1032;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long MAGIC32 = 0xFFFF_FFFFL;
    private static final int HOST_UNIX = 3;
    private static final int MSDOS_DIRECTORY = 0x10;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK_TYPE = 0120000;

    final List<ArchiveEntry> entries;
    final long[] localHeaderOffsets;
    final int[] crcs;
    final short[] methods;
    final short[] flags;
    final long unzippedBytes;

    private CentralDirectory(List<ArchiveEntry> entries, long[] offsets, int[] crcs, short[] methods, short[] flags, long unzipped) {
        this.entries = entries;
        this.localHeaderOffsets = offsets;
        this.crcs = crcs;
        this.methods = methods;
        this.flags = flags;
        this.unzippedBytes = unzipped;
    }

    /** Parses {@code cd} (the whole central directory, read in one go) of a zip of {@code fileSize} bytes. */
    static CentralDirectory parse(byte[] cd, EndOfCentralDirectory end, long fileSize, String label) {
        int capacity = (int) Math.min(end.entryCount(), cd.length / HEADER_LENGTH);
        ArrayList<ArchiveEntry> entries = new ArrayList<>(capacity);
        long[] offsets = new long[Math.max(capacity, 1)];
        int[] crcs = new int[offsets.length];
        short[] methods = new short[offsets.length];
        short[] flags = new short[offsets.length];
        long unzipped = 0;
        int n = 0;
        int p = 0;
        while (p < cd.length) {
            if (p + HEADER_LENGTH > cd.length || s32(cd, p) != HEADER_SIGNATURE) {
                throw new CorruptZipException(label + " is truncated or corrupt: central-directory record " + (n + 1)
                        + " at offset " + (end.directoryOffset() + p) + " is "
                        + (p + HEADER_LENGTH > cd.length ? "cut off" : "not a central-directory header")
                        + "; download or build the zip again");
            }
            int versionMadeBy = u16(cd, p + 4);
            int flag = u16(cd, p + 8);
            int method = u16(cd, p + 10);
            int crc = s32(cd, p + 16);
            long compressed = u32(cd, p + 20);
            long uncompressed = u32(cd, p + 24);
            int nameLen = u16(cd, p + 28);
            int extraLen = u16(cd, p + 30);
            int commentLen = u16(cd, p + 32);
            long external = u32(cd, p + 38);
            long localOffset = u32(cd, p + 42);
            int nameOff = p + HEADER_LENGTH;
            int extraOff = nameOff + nameLen;
            int next = extraOff + extraLen + commentLen;
            if (next > cd.length) {
                throw new CorruptZipException(label + " is truncated or corrupt: central-directory record " + (n + 1)
                        + " runs past the end of the central directory; download or build the zip again");
            }
            String name = EntryNames.decode(cd, nameOff, nameLen, flag, extraOff, extraLen);
            if (uncompressed == MAGIC32 || compressed == MAGIC32 || localOffset == MAGIC32) {
                long[] sizes = zip64Values(cd, extraOff, extraLen, uncompressed, compressed, localOffset, label, name);
                uncompressed = sizes[0];
                compressed = sizes[1];
                localOffset = sizes[2];
            }
            localOffset += end.prefixBytes();
            checkPlausible(label, name, compressed, uncompressed, localOffset, fileSize, end.directoryOffset());

            int unixMode = (versionMadeBy >>> 8) == HOST_UNIX ? (int) (external >>> 16) : 0;
            ArchiveEntry.Kind kind;
            if (name.endsWith("/")) {
                kind = ArchiveEntry.Kind.DIRECTORY;
            } else if ((unixMode & FILE_TYPE_MASK) == SYMLINK_TYPE) {
                kind = ArchiveEntry.Kind.SYMLINK;
            } else if ((external & MSDOS_DIRECTORY) != 0) {
                kind = ArchiveEntry.Kind.DIRECTORY;
            } else {
                kind = ArchiveEntry.Kind.FILE;
            }
            ArchiveEntry entry = new ArchiveEntry(name, compressed, uncompressed, unixMode, kind);
            unzipped += entry.countedBytes();
            if (n == offsets.length) {
                int grown = n * 2;
                offsets = Arrays.copyOf(offsets, grown);
                crcs = Arrays.copyOf(crcs, grown);
                methods = Arrays.copyOf(methods, grown);
                flags = Arrays.copyOf(flags, grown);
            }
            entries.add(entry);
            offsets[n] = localOffset;
            crcs[n] = crc;
            methods[n] = (short) method;
            flags[n] = (short) flag;
            n++;
            p = next;
        }
        checkCount(label, end, n);
        return new CentralDirectory(Collections.unmodifiableList(entries), offsets, crcs, methods, flags, unzipped);
    }

    /**
     * A count that disagrees is corruption, except a classic (non-zip64) end record whose 16-bit count
     * wrapped past 65,535, as some old zippers write.
     */
    private static void checkCount(String label, EndOfCentralDirectory end, int parsed) {
        boolean wrapped = !end.zip64() && (parsed & 0xFFFF) == end.entryCount();
        if (parsed != end.entryCount() && !wrapped) {
            throw new CorruptZipException(label + " is truncated or corrupt: its end record declares " + end.entryCount()
                    + " entries but its central directory holds " + parsed + "; download or build the zip again");
        }
    }

    /** Replaces the 0xFFFFFFFF fields from the zip64 extended-information extra field (APPNOTE 4.5.3), in its order. */
    private static long[] zip64Values(byte[] cd, int extraOff, int extraLen, long uncompressed, long compressed,
            long localOffset, String label, String name) {
        int p = extraOff;
        int end = extraOff + extraLen;
        while (p + 4 <= end) {
            int id = u16(cd, p);
            int size = u16(cd, p + 2);
            int data = p + 4;
            int dataEnd = data + size;
            if (dataEnd > end) {
                break;
            }
            if (id == ZIP64_EXTRA) {
                int q = data;
                long[] values = {uncompressed, compressed, localOffset};
                for (int i = 0; i < 3; i++) {
                    if (values[i] == MAGIC32) {
                        if (q + 8 > dataEnd) {
                            throw missingZip64(label, name);
                        }
                        values[i] = u64(cd, q);
                        q += 8;
                    }
                }
                return values;
            }
            p = dataEnd;
        }
        throw missingZip64(label, name);
    }

    private static CorruptZipException missingZip64(String label, String name) {
        return new CorruptZipException(label + " is corrupt: entry " + name
                + " says its sizes are in a zip64 extra field but that field is missing or short; download or build the zip again");
    }

    private static void checkPlausible(String label, String name, long compressed, long uncompressed, long localOffset,
            long fileSize, long directoryOffset) {
        if (compressed < 0 || compressed > fileSize) {
            throw new CorruptZipException(label + " is corrupt: entry " + name + " claims " + Long.toUnsignedString(compressed)
                    + " compressed bytes but the whole file is " + fileSize + " bytes; download or build the zip again");
        }
        if (uncompressed < 0 || uncompressed > PLAUSIBLE_UNCOMPRESSED_LIMIT && uncompressed / MAX_DEFLATE_RATIO > compressed) {
            throw new CorruptZipException(label + " is corrupt: entry " + name + " claims " + Long.toUnsignedString(uncompressed)
                    + " uncompressed bytes from only " + compressed + " compressed bytes, more than deflate can expand; "
                    + "download or build the zip again");
        }
        if (localOffset < 0 || localOffset >= directoryOffset) {
            throw new CorruptZipException(label + " is corrupt: entry " + name + " says its data is at offset "
                    + Long.toUnsignedString(localOffset) + ", not before the central directory at " + directoryOffset
                    + "; download or build the zip again");
        }
    }
}
