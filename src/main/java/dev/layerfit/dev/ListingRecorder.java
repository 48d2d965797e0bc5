package dev.layerfit.dev;

import dev.layerfit.listing.BadListingException;
import dev.layerfit.listing.InlineContent;
import dev.layerfit.listing.InventoryMetadataFiles;
import dev.layerfit.listing.Listing;
import dev.layerfit.listing.ListingEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * Records a real folder as a listing: every file, directory and symlink under it (not followed), named
 * relative to the folder, in a stable order (a directory before its contents, names sorted), with each
 * file's compressed size as a raw deflate at level 6 would store it in a zip (what zlib's default level,
 * used by Python's zipfile and Info-ZIP, produces). The real bytes of the metadata files the inventory
 * reads ({@code *.dist-info/RECORD}, {@code top_level.txt}, {@code METADATA}, {@code WHEEL},
 * {@code INSTALLER}, {@code *.egg-info} files, {@code node_modules/**}{@code /package.json}) are kept in
 * the listing, so that a materialized zip attributes its files as the real one does.
 */
public final class ListingRecorder {

    /** zlib's default level (Python's zipfile and Info-ZIP use it); the materializer writes kept content at it too. */

    private final boolean directoryEntries;

    /**
     * @param directoryEntries whether to record directory entries ({@code zip -r} stores them; Chalice's
     *                         packager writes files only)
     */
    public ListingRecorder(boolean directoryEntries) {
        this.directoryEntries = directoryEntries;
    }

    /** Records {@code folder}; {@code comments} become the listing's header (without the version line). */
    public Listing record(Path folder, List<String> comments) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadListingException(folder + ": not a folder; give the folder whose contents to record");
        }
        List<Path> paths = new ArrayList<>();
        collect(folder, paths);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ListingEntry>> futures = new ArrayList<>(paths.size());
            for (Path p : paths) {
                futures.add(pool.submit(() -> entryFor(folder, p)));
            }
            List<ListingEntry> entries = new ArrayList<>(paths.size());
            for (Future<ListingEntry> f : futures) {
                ListingEntry e = f.get();
                if (e != null) {
                    entries.add(e);
                }
            }
            return new Listing(comments, entries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording " + folder, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void collect(Path dir, List<Path> out) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        for (Path child : children) {
            out.add(child);
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                collect(child, out);
            }
        }
    }

    private ListingEntry entryFor(Path root, Path p) {
        String name = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        try {
            if (Files.isSymbolicLink(p)) {
                String target = Files.readSymbolicLink(p).toString();
                return ListingEntry.symlink(name, target, deflatedSize(target.getBytes(StandardCharsets.UTF_8)));
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return directoryEntries ? ListingEntry.directory(name + "/") : null;
            }
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return null; // sockets, fifos: nothing a zip tool would store
            }
            if (InventoryMetadataFiles.isKept(name)) {
                byte[] content = Files.readAllBytes(p);
                return ListingEntry.file(name, content, deflatedSize(content));
            }
            try (InputStream in = Files.newInputStream(p)) {
                return deflatedFile(name, in);
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(new IOException(p + " vanished while recording; record again", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ListingEntry deflatedFile(String name, InputStream in) throws IOException {
        Deflater deflater = new Deflater(Listing.DEFLATE_LEVEL, true);
        try {
            byte[] buf = new byte[64 * 1024];
            byte[] out = new byte[64 * 1024];
            long size = 0;
            long zsize = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                deflater.setInput(buf, 0, n);
                while (!deflater.needsInput()) {
                    zsize += deflater.deflate(out);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                zsize += deflater.deflate(out);
            }
            return ListingEntry.file(name, size, zsize);
        } finally {
            deflater.end();
        }
    }

    private static long deflatedSize(byte[] data) throws IOException {
        return deflatedFile("", new java.io.ByteArrayInputStream(data)).compressedSize();
    }
}
