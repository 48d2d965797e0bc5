package dev.layerfit.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder given instead of a zip, counted as the zip of its contents would be: entries for every folder
 * (name ending '/', counted 0) and file (its size) below it, in sorted depth-first order, names relative to
 * it with '/' separators. Symbolic links are not followed: each is a symlink entry counting the length of
 * its target path as stored (like {@code zip -y}). Sockets, pipes and devices are skipped, as zip skips them.
 */
public final class FolderArtifact implements MeasuredArtifact {

    private static final int DIRECTORY_TYPE = 0040000;
    private static final int FILE_TYPE = 0100000;
    private static final int SYMLINK_TYPE = 0120000;

    private final String label;
    private final Path root;
    private final List<ArchiveEntry> entries;
    private final Map<String, Path> paths;
    private final long unzippedBytes;
    private volatile Long zippedBytes;

    private FolderArtifact(String label, Path root, List<ArchiveEntry> entries, Map<String, Path> paths) {
        this.label = label;
        this.root = root;
        this.entries = entries;
        this.paths = paths;
        long sum = 0;
        for (ArchiveEntry e : entries) {
            sum += e.countedBytes();
        }
        this.unzippedBytes = sum;
    }

    /** Walks {@code folder} (without following links below it); its label is the path as given. */
    public static FolderArtifact open(Path folder) throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>();
        Map<String, Path> paths = new HashMap<>();
        walk(folder, "", entries, paths);
        return new FolderArtifact(folder.toString(), folder, Collections.unmodifiableList(entries), paths);
    }

    /**
     * A part of a composed artifact: a file stored under {@code name}, or a folder whose contents are stored
     * under {@code name} (a prefix ending in '/', or "" for the artifact's root).
     */
    public record Part(Path source, String name) {
    }

    /**
     * An artifact made of several files and folders placed at given names, counted as the zip of them would
     * be — e.g. a Chalice deployment package: {@code app.py}, {@code chalicelib/}, and {@code vendor/}'s contents
     * at the root. Parts that do not exist are skipped; names are sorted by the walk within each part.
     */
    public static FolderArtifact compose(String label, Path root, List<Part> parts) throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>();
        Map<String, Path> paths = new HashMap<>();
        for (Part part : parts) {
            BasicFileAttributes attrs;
            try {
                attrs = attributes(part.source());
            } catch (java.nio.file.NoSuchFileException e) {
                continue;
            }
            if (attrs.isDirectory()) {
                if (!part.name().isEmpty()) {
                    add(entries, paths, part.source(), new ArchiveEntry(part.name(), 0, 0, DIRECTORY_TYPE | 0755,
                            ArchiveEntry.Kind.DIRECTORY));
                }
                walk(part.source(), part.name(), entries, paths);
            } else if (attrs.isRegularFile()) {
                add(entries, paths, part.source(), new ArchiveEntry(part.name(), 0, attrs.size(), FILE_TYPE | 0644,
                        ArchiveEntry.Kind.FILE));
            }
        }
        return new FolderArtifact(label, root, Collections.unmodifiableList(entries), paths);
    }

    /**
     * Sorted depth-first walk without recursion (a folder nested thousands deep must not overflow the stack): a
     * stack of folders still being listed, each with its sorted children.
     */
    private static void walk(Path top, String topPrefix, List<ArchiveEntry> entries, Map<String, Path> paths) throws IOException {
        record Open(java.util.Iterator<Path> children, String prefix) {
        }
        java.util.ArrayDeque<Open> stack = new java.util.ArrayDeque<>();
        stack.push(new Open(sortedChildren(top), topPrefix));
        while (!stack.isEmpty()) {
            Open open = stack.peek();
            if (!open.children().hasNext()) {
                stack.pop();
                continue;
            }
            Path child = open.children().next();
            BasicFileAttributes attrs = attributes(child);
            int permissions = attrs instanceof PosixFileAttributes posix ? permissionBits(posix.permissions()) : 0;
            String name = open.prefix() + child.getFileName();
            if (attrs.isSymbolicLink()) {
                byte[] target = Files.readSymbolicLink(child).toString().getBytes(StandardCharsets.UTF_8);
                add(entries, paths, child, new ArchiveEntry(name, 0, target.length, SYMLINK_TYPE | 0777, ArchiveEntry.Kind.SYMLINK));
            } else if (attrs.isDirectory()) {
                add(entries, paths, child, new ArchiveEntry(name + "/", 0, 0, DIRECTORY_TYPE | permissions, ArchiveEntry.Kind.DIRECTORY));
                stack.push(new Open(sortedChildren(child), name + "/"));
            } else if (attrs.isRegularFile()) {
                add(entries, paths, child, new ArchiveEntry(name, 0, attrs.size(), FILE_TYPE | permissions, ArchiveEntry.Kind.FILE));
            }
        }
    }

    private static java.util.Iterator<Path> sortedChildren(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children.iterator();
    }

    private static void add(List<ArchiveEntry> entries, Map<String, Path> paths, Path path, ArchiveEntry entry) {
        if (entry.kind() == ArchiveEntry.Kind.FILE) {
            dev.layerfit.io.InputFiles.remember(path); // a packaged file is an input: no output may replace it
        }
        entries.add(entry);
        paths.put(entry.name(), path);
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static int permissionBits(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 0400 >> p.ordinal(); // OWNER_READ .. OTHERS_EXECUTE are declared in rwxrwxrwx order
        }
        return bits;
    }

    @Override
    public String label() {
        return label;
    }

    /** The folder this artifact walked. */
    public Path root() {
        return root;
    }

    @Override
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /**
     * The file's bytes for a file entry, the link's target path for a symlink entry, nothing for a folder:
     * what the zip of this folder would hold.
     */
    @Override
    public byte[] read(String name) throws IOException {
        Path path = paths.get(name);
        if (path == null) {
            throw new NoSuchFileException(label + ": no entry named " + name);
        }
        if (name.endsWith("/")) {
            return new byte[0];
        }
        if (Files.isSymbolicLink(path)) {
            return Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8);
        }
        return dev.layerfit.io.InputFiles.readBytes(path, EntryDataReader.MAX_ENTRY_BYTES, label + ": the file");
    }

    @Override
    public long unzippedBytes() {
        return unzippedBytes;
    }

    /**
     * The length of the zip layerfit would write of this folder (see {@link FolderZipSize}); computed on the
     * first call by deflating every file, then remembered.
     *
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    @Override
    public long zippedBytes() {
        Long known = zippedBytes;
        if (known == null) {
            synchronized (this) {
                known = zippedBytes;
                if (known == null) {
                    known = FolderZipSize.of(entries, paths);
                    zippedBytes = known;
                }
            }
        }
        return known;
    }

    @Override
    public int entryCount() {
        return entries.size();
    }

    /** Always empty: a folder cannot hold one name twice. */
    @Override
    public List<String> duplicateNames() {
        return List.of();
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "FolderArtifact[" + label + ", " + entryCount() + " entries, " + unzippedBytes() + " bytes unzipped]";
    }
}
