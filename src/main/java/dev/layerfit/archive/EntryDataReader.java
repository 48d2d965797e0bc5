package dev.layerfit.archive;

import static dev.layerfit.archive.LittleEndian.s32;
import static dev.layerfit.archive.LittleEndian.u16;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one entry's bytes: its local file header (APPNOTE 4.3.7, whose name and extra lengths may differ
 * from the central directory's), then its stored or deflated data, checked against the CRC-32 from the
 * central directory. Two ranged reads: the 30-byte header, then the data.
 */
final class EntryDataReader {

    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    static final int LOCAL_HEADER_LENGTH = 30;
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int ENCRYPTED_FLAG = 1;
    /**
     * The most bytes one entry read into memory may hold: 32 MiB (system property {@code layerfit.maxEntryBytes}).
     * This read is for metadata files (RECORD, METADATA, top_level.txt, package.json; the largest real RECORD files
     * are a few MB); without a cap a 634-byte zip claiming a 1.6 GB entry would make layerfit allocate 1.6 GB.
     */
    static final long MAX_ENTRY_BYTES = Math.min(Integer.MAX_VALUE - 8, Long.getLong("layerfit.maxEntryBytes", 32L << 20));

    private EntryDataReader() {
    }

    static byte[] read(RandomAccessSource source, String label, ArchiveEntry entry, long localOffset, int method, int flags,
            int crc, long directoryOffset) throws IOException {
        String where = label + ": entry " + entry.name();
        if ((flags & ENCRYPTED_FLAG) != 0) {
            throw new UnsupportedZipException(where + " is encrypted, which layerfit cannot read; zip it again without a password");
        }
        if (method != STORED && method != DEFLATED) {
            throw new UnsupportedZipException(where + " uses compression method " + method
                    + " (only 0 stored and 8 deflated are supported); zip it again with deflate");
        }
        if (entry.uncompressedSize() > MAX_ENTRY_BYTES || entry.compressedSize() > MAX_ENTRY_BYTES) {
            throw new UnsupportedZipException(where + " claims " + Math.max(entry.uncompressedSize(), entry.compressedSize())
                    + " bytes, more than layerfit's limit of " + MAX_ENTRY_BYTES + " bytes for a metadata file; the zip is "
                    + "damaged or hostile");
        }
        byte[] header = source.read(localOffset, LOCAL_HEADER_LENGTH);
        if (s32(header, 0) != LOCAL_HEADER_SIGNATURE) {
            throw new CorruptZipException(where + " has no local file header at offset " + localOffset
                    + "; download or build the zip again");
        }
        long dataOffset = localOffset + LOCAL_HEADER_LENGTH + u16(header, 26) + u16(header, 28);
        int compressed = (int) entry.compressedSize();
        if (dataOffset + compressed > directoryOffset) {
            throw new CorruptZipException(where + " has data running into the central directory; download or build the zip again");
        }
        byte[] data = source.read(dataOffset, compressed);
        byte[] bytes = method == STORED ? storedBytes(where, entry, data) : inflate(where, data, (int) entry.uncompressedSize());
        CRC32 check = new CRC32();
        check.update(bytes);
        if ((int) check.getValue() != crc) {
            throw new CorruptZipException(where + " fails its CRC-32 check (the data is damaged); download or build the zip again");
        }
        return bytes;
    }

    private static byte[] storedBytes(String where, ArchiveEntry entry, byte[] data) {
        if (entry.compressedSize() != entry.uncompressedSize()) {
            throw new CorruptZipException(where + " is stored uncompressed but its two sizes differ ("
                    + entry.compressedSize() + " and " + entry.uncompressedSize() + "); download or build the zip again");
        }
        return data;
    }

    private static byte[] inflate(String where, byte[] data, int size) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            byte[] out = new byte[size];
            int n = 0;
            boolean padded = false;
            while (!inflater.finished()) {
                int got = n < size ? inflater.inflate(out, n, size - n) : 0;
                n += got;
                if (got > 0 || inflater.finished()) {
                    continue;
                }
                if (n == size) {
                    // The output is full: the stream must end here without producing another byte.
                    if (inflater.inflate(new byte[1]) > 0) {
                        throw new CorruptZipException(where + " inflates to more than the " + size
                                + " bytes its central directory records; download or build the zip again");
                    }
                    if (inflater.finished()) {
                        break;
                    }
                }
                if (inflater.needsDictionary() || !inflater.needsInput() || padded) {
                    throw new CorruptZipException(where + " has deflated data that ends early; download or build the zip again");
                }
                // A raw-deflate stream may want one extra "dummy" byte to finish (java.util.zip.Inflater's documentation).
                inflater.setInput(new byte[1]);
                padded = true;
            }
            if (n != size) {
                throw new CorruptZipException(where + " inflates to " + n + " bytes but its central directory records " + size
                        + "; download or build the zip again");
            }
            return out;
        } catch (DataFormatException e) {
            throw new CorruptZipException(where + " has invalid deflated data (" + e.getMessage()
                    + "); download or build the zip again", e);
        } finally {
            inflater.end();
        }
    }
}
