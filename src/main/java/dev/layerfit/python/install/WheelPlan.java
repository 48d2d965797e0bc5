package dev.layerfit.python.install;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ArtifactContents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What installing one wheel will write, worked out from its central directory and its {@code RECORD} alone
 * (binary distribution format spec, "Installing a wheel"): each file's place in the site folder, the files
 * left out, and the rewritten {@code RECORD}. Shared by {@link WheelInstaller} and {@link InstalledSize} so the
 * prediction and the install cannot disagree.
 *
 * <p>Rules: root files go to the site folder; {@code <name>.data/purelib/} and {@code platlib/} are merged into
 * it; {@code .data/scripts}, {@code headers} and {@code data} are left out (a note says how many files each);
 * {@code *.dist-info} is kept, with {@code INSTALLER} ("layerfit\n") added and {@code RECORD} rewritten as pip
 * writes it (old rows with paths moved to where the files went, rows of left-out files dropped, the INSTALLER row
 * added, rows sorted, CRLF line ends). No {@code REQUESTED} is written: which packages were asked for is the
 * resolver's knowledge, not the installer's.
 */
final class WheelPlan {

    static final byte[] INSTALLER = "layerfit\n".getBytes(StandardCharsets.UTF_8);
    private static final Set<String> SIGNATURES = Set.of("RECORD.jws", "RECORD.p7s");
    private static final Map<String, String> DIGESTS = Map.of("sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    /** A wheel file and where it goes; {@code expected} is its RECORD row, null when RECORD need not list it. */
    record PlacedFile(String entryName, String sitePath, long size, boolean executable, RecordRow expected) {
    }

    final String label;
    final String distInfo;
    final List<PlacedFile> files;
    final List<String> notes;
    final byte[] record;

    private WheelPlan(String label, String distInfo, List<PlacedFile> files, List<String> notes, byte[] record) {
        this.label = label;
        this.distInfo = distInfo;
        this.files = files;
        this.notes = notes;
        this.record = record;
    }

    /** The site-relative path and size of every file the install writes, RECORD and INSTALLER included. */
    Map<String, Long> siteFiles() {
        Map<String, Long> out = new TreeMap<>();
        for (PlacedFile f : files) {
            out.put(f.sitePath(), f.size());
        }
        out.put(distInfo + "/RECORD", (long) record.length);
        out.put(distInfo + "/INSTALLER", (long) INSTALLER.length);
        return out;
    }

    static WheelPlan of(ArtifactContents wheel, String label) throws IOException {
        List<ArchiveEntry> fileEntries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> distInfos = new java.util.TreeSet<>();
        for (ArchiveEntry e : wheel.entries()) {
            checkSafe(label, e);
            if (!names.add(e.name())) {
                throw new BadWheelException(label + " holds " + e.name() + " twice; rebuild the wheel or use another version");
            }
            String top = e.name().substring(0, Math.max(e.name().indexOf('/'), 0));
            if (top.endsWith(".dist-info") && e.name().equals(top + "/RECORD")) {
                distInfos.add(top);
            }
            if (e.kind() == ArchiveEntry.Kind.FILE) {
                fileEntries.add(e);
            }
        }
        if (distInfos.size() != 1) {
            throw new BadWheelException(label + (distInfos.isEmpty() ? " has no *.dist-info/RECORD"
                    : " has several *.dist-info folders " + distInfos) + ", so it is not a valid wheel; rebuild it or use another version");
        }
        String distInfo = distInfos.iterator().next();
        String recordName = distInfo + "/RECORD";
        String dataDir = distInfo.substring(0, distInfo.length() - ".dist-info".length()) + ".data/";
        Map<String, RecordRow> rows = new HashMap<>();
        List<RecordRow> oldRows = RecordCsv.parse(new String(wheel.read(recordName), StandardCharsets.UTF_8));
        for (RecordRow row : oldRows) {
            rows.put(row.path(), row);
        }

        List<PlacedFile> placed = new ArrayList<>();
        Map<String, String> installed = new LinkedHashMap<>();
        Set<String> leftOut = new HashSet<>();
        Map<String, Integer> leftOutByKind = new TreeMap<>();
        Map<String, String> sitePathOwner = new HashMap<>();
        for (ArchiveEntry e : fileEntries) {
            String name = e.name();
            String sitePath = name;
            if (name.startsWith(dataDir)) {
                String rest = name.substring(dataDir.length());
                int slash = rest.indexOf('/');
                String kind = slash < 0 ? rest : rest.substring(0, slash);
                switch (kind) {
                    case "purelib", "platlib" -> sitePath = rest.substring(slash + 1);
                    case "scripts", "headers", "data" -> {
                        leftOut.add(name);
                        leftOutByKind.merge(kind, 1, Integer::sum);
                        continue;
                    }
                    default -> throw new BadWheelException(label + " has " + name + " in an unknown .data folder '" + kind
                            + "' (the spec allows purelib, platlib, scripts, headers, data); rebuild the wheel or use another version");
                }
            }
            String other = sitePathOwner.putIfAbsent(sitePath, name);
            if (other != null) {
                throw new BadWheelException(label + " installs " + sitePath + " twice (from " + other + " and " + name
                        + "); rebuild the wheel or use another version");
            }
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            boolean signature = name.equals(recordName) || name.startsWith(distInfo + "/") && SIGNATURES.contains(fileName);
            RecordRow expected = rows.get(name);
            if (!signature) {
                expected = checkedRow(label, e, expected);
            }
            boolean executable = (e.unixMode() & 0170000) == 0100000 && (e.unixMode() & 0111) != 0;
            placed.add(new PlacedFile(name, sitePath, e.uncompressedSize(), executable, signature ? null : expected));
            installed.put(name, sitePath);
        }
        if (!installed.containsKey(recordName)) {
            installed.put(recordName, recordName);
        }
        List<String> notes = new ArrayList<>();
        leftOutByKind.forEach((kind, count) -> notes.add(label + ": left out " + count + " file" + (count == 1 ? "" : "s") + " of "
                + dataDir + kind + "/ (" + kind + " are not on a Lambda layer's Python path)"));
        byte[] record = RecordCsv.write(rewrittenRows(oldRows, installed, leftOut, distInfo));
        List<PlacedFile> withoutRecord = placed.stream().filter(p -> !p.entryName().equals(recordName)).toList();
        return new WheelPlan(label, distInfo, withoutRecord, List.copyOf(notes), record);
    }

    /** pip's {@code get_csv_rows_for_installed}, minus generated scripts and REQUESTED, plus dropping left-out files. */
    private static List<RecordRow> rewrittenRows(List<RecordRow> oldRows, Map<String, String> installed, Set<String> leftOut,
            String distInfo) {
        Map<String, String> remaining = new LinkedHashMap<>(installed);
        List<RecordRow> out = new ArrayList<>();
        for (RecordRow row : oldRows) {
            if (leftOut.contains(row.path())) {
                continue;
            }
            String moved = remaining.remove(row.path());
            out.add(new RecordRow(moved == null ? row.path() : moved, row.hash(), row.size()));
        }
        out.add(new RecordRow(distInfo + "/INSTALLER", "sha256=" + digest("SHA-256", INSTALLER), Integer.toString(INSTALLER.length)));
        for (String path : remaining.values()) {
            out.add(new RecordRow(path, "", ""));
        }
        return out;
    }

    private static RecordRow checkedRow(String label, ArchiveEntry e, RecordRow row) {
        if (row == null) {
            throw new BadWheelException(label + ": " + e.name() + " is not listed in the wheel's RECORD, so it cannot be verified;"
                    + " rebuild the wheel or use another version");
        }
        int eq = row.hash().indexOf('=');
        String algorithm = eq < 0 ? "" : row.hash().substring(0, eq).toLowerCase(Locale.ROOT);
        if (!DIGESTS.containsKey(algorithm)) {
            throw new BadWheelException(label + ": RECORD gives " + e.name() + (row.hash().isEmpty() ? " no hash" : " the hash '"
                    + row.hash() + "'") + " (sha256 or stronger is required); rebuild the wheel or use another version");
        }
        if (!row.size().isEmpty() && !row.size().equals(Long.toString(e.uncompressedSize()))) {
            throw new BadWheelException(label + ": " + e.name() + " is " + e.uncompressedSize() + " bytes but RECORD says "
                    + row.size() + "; the wheel is damaged or tampered with, download it again");
        }
        return row;
    }

    /** A new digest for the row's algorithm; the row must have passed {@link #checkedRow}. */
    static MessageDigest digestFor(RecordRow row) {
        String algorithm = row.hash().substring(0, row.hash().indexOf('=')).toLowerCase(Locale.ROOT);
        try {
            return MessageDigest.getInstance(DIGESTS.get(algorithm));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row's digest as RECORD writes it: URL-safe base64 without padding. */
    static String encoded(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Whether {@code digest} matches the row's {@code algorithm=value} (padding in the row tolerated). */
    static boolean matches(RecordRow row, byte[] digest) {
        String value = row.hash().substring(row.hash().indexOf('=') + 1);
        while (value.endsWith("=")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.equals(encoded(digest));
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return encoded(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkSafe(String label, ArchiveEntry e) {
        String name = e.name();
        String problem = null;
        if (e.kind() == ArchiveEntry.Kind.SYMLINK) {
            problem = "is a symbolic link";
        } else if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            problem = "has an absolute path";
        } else if (name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            problem = "has a backslash or NUL in its path";
        } else {
            String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                    problem = "has a path that is empty, '.' or '..' in a part, which could escape the layer";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new BadWheelException(label + ": entry '" + name + "' " + problem + "; layerfit refuses to install it, use another wheel");
        }
    }
}
