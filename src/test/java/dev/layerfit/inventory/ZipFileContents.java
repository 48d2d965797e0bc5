package dev.layerfit.inventory;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ArtifactContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A test-side {@link ArtifactContents} over a real zip read with {@code java.util.zip.ZipFile}, so these
 * tests do not depend on the project's own zip reader. Sizes come from the central directory; symlinks
 * are not recognised (none in these tests).
 */
final class ZipFileContents implements ArtifactContents {

    private final Path zip;
    private final List<ArchiveEntry> entries = new ArrayList<>();

    ZipFileContents(Path zip) {
        this.zip = zip;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                entries.add(new ArchiveEntry(e.getName(), e.getCompressedSize(), e.getSize(), 0,
                        e.isDirectory() ? ArchiveEntry.Kind.DIRECTORY : ArchiveEntry.Kind.FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String label() {
        return zip.getFileName().toString();
    }

    @Override
    public List<ArchiveEntry> entries() {
        return entries;
    }

    @Override
    public byte[] read(String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
