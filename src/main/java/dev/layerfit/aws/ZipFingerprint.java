package dev.layerfit.aws;

import dev.layerfit.archive.ZipIndex;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What identifies a layer zip before it is published: its SHA-256 (hex, and base64 as Lambda's CodeSha256), its
 * size, and its entry count and unzipped size from the central directory (which also proves it is a zip).
 */
public record ZipFingerprint(Path zip, String sha256Hex, String codeSha256, long zippedBytes, int entries,
        long unzippedBytes) {

    /** Reads {@code zip} once for the digest and its tail for the counts. */
    public static ZipFingerprint of(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new BadInputException("no such zip file: " + zip + "; give the path of the layer zip to publish");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(zip)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
            }
            byte[] digest = sha.digest();
            try (ZipIndex index = ZipIndex.open(zip)) {
                return new ZipFingerprint(zip, HexFormat.of().formatHex(digest), Base64.getEncoder().encodeToString(digest),
                        index.zippedBytes(), index.entryCount(), index.unzippedBytes());
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + zip + " (" + dev.layerfit.error.ExceptionWords.describe(e) + "); check the file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** "layerfit 0.1.0; sha256 …; 1,234 files, 56,789 bytes unzipped" (Lambda allows 256 characters). */
    public String description(String toolVersion) {
        String d = "layerfit " + toolVersion + "; sha256 " + sha256Hex + "; " + entries + " files, " + unzippedBytes
                + " bytes unzipped";
        return d.length() <= 256 ? d : d.substring(0, 256);
    }
}
