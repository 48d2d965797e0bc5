package dev.layerfit.listing;

import dev.layerfit.io.AtomicFileWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns a listing into a real zip with exactly the listed entries, in listing order, each file's
 * uncompressed size equal to its listed size and its compressed size close to the recorded one, with
 * the listing's kept content where it has some, filler content for the rest, and fixed timestamps
 * (same listing, same bytes). Kept content was checked against the recorded size when the listing was
 * read ({@link ListingReader} reports a mismatch as file:line). The zip is cached under
 * {@code $LAYERFIT_CACHE_DIR/listings/<sha256 of the listing file>.zip} (default
 * {@code ~/.cache/layerfit/listings/}) and reused when present.
 *
 * <p>Files and directories only: a symlink entry is refused with a clear message, because
 * {@code java.util.zip} cannot store the Unix mode that marks a zip entry as a symlink (pip-installed
 * layers hold none).
 */
public final class ListingMaterializer {

    /**
     * The most a listing may declare in all (sum of its file sizes) to be materialized: 1 GiB, four times Lambda's
     * 250 MB unzipped quota, so any real deployment fits and a 70-byte file cannot make layerfit write 100 GB of
     * filler. System property {@code layerfit.maxListingBytes}.
     */
    public static final long MAX_DECLARED_BYTES = Long.getLong("layerfit.maxListingBytes", 1L << 30);

    private ListingMaterializer() {
    }

    /** Whether {@code path} names a listing file (by its {@code .listing} extension). */
    public static boolean isListing(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().endsWith(Listing.EXTENSION);
    }

    /** The zip for {@code listingFile}, from the default cache folder or made now. */
    public static Path materialize(Path listingFile) {
        return materialize(listingFile, defaultCacheDir());
    }

    /** The zip for {@code listingFile}, cached in {@code listingsCacheDir} (the folder holding the zips). */
    public static Path materialize(Path listingFile, Path listingsCacheDir) {
        try {
            if (!Files.exists(listingFile)) {
                throw new BadListingException(listingFile + ": no such listing file; check the path");
            }
            byte[] bytes = dev.layerfit.io.InputFiles.readBytes(listingFile, dev.layerfit.io.InputFiles.TEXT_CAP, "the listing");
            Path zip = listingsCacheDir.resolve(sha256(bytes) + ".zip");
            if (Files.isRegularFile(zip)) {
                return zip;
            }
            Listing listing = ListingReader.read(listingFile);
            long declared = 0;
            for (ListingEntry e : listing.entries()) {
                declared += e.size();
                if (declared > MAX_DECLARED_BYTES) {
                    throw new BadListingException(listingFile + ": the listing declares more than " + MAX_DECLARED_BYTES
                            + " bytes in all, more than any Lambda deployment holds, so it is not materialized; "
                            + "check the listing (the limit is the system property layerfit.maxListingBytes)");
                }
            }
            AtomicFileWriter.atomic().write(zip, file -> {
                OutputStream out = new BufferedOutputStream(file, 1 << 16);
                writeZip(listingFile.getFileName().toString(), listing, out);
                out.flush();
            });
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Materializes several listings in parallel (one per core); the zips in the same order. */
    public static List<Path> materializeAll(List<Path> listingFiles, Path listingsCacheDir) {
        int threads = Math.max(1, Math.min(listingFiles.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (Path f : listingFiles) {
                futures.add(pool.submit(() -> materialize(f, listingsCacheDir)));
            }
            List<Path> zips = new ArrayList<>();
            for (Future<Path> f : futures) {
                zips.add(f.get());
            }
            return zips;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while materializing listings", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes the zip of {@code listing} to {@code out} (not closed); {@code label} names it in messages. */
    public static void writeZip(String label, Listing listing, OutputStream out) throws IOException {
        Set<String> seen = new HashSet<>();
        for (ListingEntry e : listing.entries()) {
            if (e.kind() == ListingEntry.Kind.SYMLINK) {
                throw new BadListingException(label + ": entry '" + e.path() + "' is a symlink, which cannot be "
                        + "materialized (java.util.zip cannot store a symlink's Unix mode); remove it from the listing");
            }
            if (!seen.add(e.path())) {
                throw new BadListingException(label + ": entry '" + e.path() + "' is listed twice, which cannot be "
                        + "materialized; remove the duplicate line");
            }
        }
        FillerZipOutputStream zip = new FillerZipOutputStream(new dev.layerfit.io.NonClosingOutputStream(out));
        for (ListingEntry e : listing.entries()) {
            if (e.kind() == ListingEntry.Kind.DIRECTORY) {
                zip.putDirectory(e.path());
            } else if (e.content() != null) {
                zip.putContent(e.path(), e.content().bytes());
            } else {
                zip.putFile(e.path(), e.size(), e.compressedSize());
            }
        }
        zip.close();
    }

    /** {@code $LAYERFIT_CACHE_DIR/listings}, or {@code ~/.cache/layerfit/listings}. */
    public static Path defaultCacheDir() {
        return dev.layerfit.cache.CacheRoot.resolve("listings");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
