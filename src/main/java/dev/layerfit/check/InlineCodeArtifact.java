package dev.layerfit.check;

import dev.layerfit.archive.ByteArraySource;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.archive.ZipIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Code written into a template (CloudFormation's {@code ZipFile}): Lambda stores it as a zip of one file, which
 * is what is measured.
 */
final class InlineCodeArtifact {

    private InlineCodeArtifact() {
    }

    static MeasuredArtifact of(String fileName, String text) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            ZipEntry e = new ZipEntry(fileName);
            e.setTime(315532800000L); // 1980-01-01, as deterministic zips are
            zip.putNextEntry(e);
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return ZipIndex.of(new ByteArraySource(buf.toByteArray()), "inline " + fileName);
    }
}
