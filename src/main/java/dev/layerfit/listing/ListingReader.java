package dev.layerfit.listing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code .listing} files (format in {@link Listing}); a malformed line is reported as file:line. */
public final class ListingReader {

    private ListingReader() {
    }

    /** Reads a listing file. */
    public static Listing read(Path file) {
        if (!Files.exists(file)) {
            throw new BadListingException(file + ": no such listing file; check the path");
        }
        dev.layerfit.io.InputFiles.requireRegular(file, "the listing");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        } catch (NoSuchFileException e) {
            throw new BadListingException(file + ": no such listing file; check the path");
        } catch (CharacterCodingException e) {
            throw new BadListingException(file + ": not UTF-8 text; a listing must be UTF-8, re-record it", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses listing text; {@code label} names the source in messages. */
    public static Listing parse(String label, String text) {
        try {
            return parse(label, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Listing parse(String label, Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> comments = new ArrayList<>();
        List<ListingEntry> entries = new ArrayList<>();
        boolean v1 = false;
        boolean lastWasEntry = false;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1) {
                v1 = line.equals(Listing.MAGIC_V1);
                if (!v1 && !line.equals(Listing.MAGIC)) {
                    throw bad(label, 1, "the first line must be '" + Listing.MAGIC + "' (or '" + Listing.MAGIC_V1
                            + "'); this is not a layerfit listing or has an unsupported version");
                }
                continue;
            }
            if (line.startsWith(ListingWriter.CONTENT_PREFIX)) {
                if (v1) {
                    throw bad(label, lineNo, "a content line needs a version-2 listing ('" + Listing.MAGIC + "')");
                }
                ListingEntry previous = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                if (!lastWasEntry || previous.kind() != ListingEntry.Kind.FILE || previous.content() != null) {
                    throw bad(label, lineNo, "a content line must directly follow the line of the file it belongs to");
                }
                entries.set(entries.size() - 1, withContent(label, lineNo, previous,
                        line.substring(ListingWriter.CONTENT_PREFIX.length())));
                continue;
            }
            lastWasEntry = false;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                comments.add(line.startsWith("# ") ? line.substring(2) : line.substring(1));
                continue;
            }
            entries.add(parseEntry(label, lineNo, line));
            lastWasEntry = true;
        }
        if (lineNo == 0) {
            throw bad(label, 1, "the file is empty; a listing starts with '" + Listing.MAGIC + "'");
        }
        return new Listing(comments, entries);
    }

    private static ListingEntry withContent(String label, int lineNo, ListingEntry file, String data) {
        InlineContent content;
        try {
            content = InlineContent.decode(data, file.size());
        } catch (IllegalArgumentException e) {
            throw bad(label, lineNo, e.getMessage() + " for '" + file.path() + "'");
        }
        if (content.length() != file.size()) {
            throw bad(label, lineNo, "the content of '" + file.path() + "' is "
                    + (content.length() > file.size() ? "longer than" : content.length() + " bytes, not")
                    + " the recorded size " + file.size());
        }
        return new ListingEntry(file.kind(), file.size(), file.compressedSize(), file.path(), null, content);
    }

    private static ListingEntry parseEntry(String label, int lineNo, String line) {
        String[] cols = line.split("\t", -1);
        ListingEntry.Kind kind = ListingEntry.Kind.ofCode(cols[0]);
        if (kind == null) {
            throw bad(label, lineNo, "unknown entry kind '" + cols[0] + "' (expected f, d or l)");
        }
        int expected = kind == ListingEntry.Kind.SYMLINK ? 5 : 4;
        if (cols.length != expected) {
            throw bad(label, lineNo, "expected " + expected + " TAB-separated columns for kind " + kind.code()
                    + " but found " + cols.length);
        }
        long size = number(label, lineNo, "size", cols[1]);
        long zsize = number(label, lineNo, "zsize", cols[2]);
        String path = PathEscaping.unescape(cols[3]);
        if (path == null || path.isEmpty()) {
            throw bad(label, lineNo, "the path is empty or holds a bad escape (only \\\\ \\t \\n \\r are allowed)");
        }
        if (path.startsWith("/")) {
            // Zip entry names are relative: no drive letter or leading slash (APPNOTE 4.4.17.1).
            throw bad(label, lineNo, "the path '" + path + "' must be relative");
        }
        if ((kind == ListingEntry.Kind.DIRECTORY) != path.endsWith("/")) {
            throw bad(label, lineNo, kind == ListingEntry.Kind.DIRECTORY
                    ? "a directory path must end with '/'" : "only a directory path may end with '/'");
        }
        if (kind == ListingEntry.Kind.DIRECTORY && (size != 0 || zsize != 0)) {
            throw bad(label, lineNo, "a directory has size and zsize 0");
        }
        if (kind == ListingEntry.Kind.SYMLINK) {
            String target = PathEscaping.unescape(cols[4]);
            if (target == null || target.isEmpty()) {
                throw bad(label, lineNo, "the link target is empty or holds a bad escape");
            }
            long targetLength = target.getBytes(StandardCharsets.UTF_8).length;
            if (targetLength != size) {
                throw bad(label, lineNo, "a symlink's size must be its target's length (" + targetLength + ")");
            }
            return new ListingEntry(kind, size, zsize, path, target);
        }
        return new ListingEntry(kind, size, zsize, path, null);
    }

    private static long number(String label, int lineNo, String column, String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(label, lineNo, "the " + column + " column '" + text + "' is not a non-negative whole number");
        }
        return Long.parseLong(text);
    }

    private static BadListingException bad(String label, int lineNo, String what) {
        return new BadListingException(label + ":" + lineNo + ": " + what + "; fix the line or re-record the listing");
    }
}
