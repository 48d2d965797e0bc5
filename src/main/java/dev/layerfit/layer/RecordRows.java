package dev.layerfit.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Drops the rows of removed files from each {@code *.dist-info/RECORD} of a site folder, keeping every other line
 * byte for byte (line ends included). The path is the first CSV field (quoted when it holds a comma or quote).
 */
final class RecordRows {

    private RecordRows() {
    }

    /** Rewrites the RECORDs that list a removed path; returns the bytes saved. */
    static long dropRemoved(Path site, Set<String> removed) throws IOException {
        if (removed.isEmpty()) {
            return 0;
        }
        long saved = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(site, "*.dist-info")) {
            for (Path distInfo : dirs) {
                Path record = distInfo.resolve("RECORD");
                if (!Files.isRegularFile(record)) {
                    continue;
                }
                String text = Files.readString(record, StandardCharsets.UTF_8);
                StringBuilder kept = new StringBuilder(text.length());
                int i = 0;
                while (i < text.length()) {
                    int nl = text.indexOf('\n', i);
                    int end = nl < 0 ? text.length() : nl + 1;
                    String line = text.substring(i, end);
                    if (!removed.contains(firstField(line))) {
                        kept.append(line);
                    }
                    i = end;
                }
                if (kept.length() != text.length()) {
                    byte[] bytes = kept.toString().getBytes(StandardCharsets.UTF_8);
                    saved += Files.size(record) - bytes.length;
                    Files.write(record, bytes);
                }
            }
        }
        return saved;
    }

    static String firstField(String line) {
        if (line.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int j = 1; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '"') {
                    if (j + 1 < line.length() && line.charAt(j + 1) == '"') {
                        out.append('"');
                        j++;
                        continue;
                    }
                    break;
                }
                out.append(c);
            }
            return out.toString();
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line.strip() : line.substring(0, comma);
    }
}
