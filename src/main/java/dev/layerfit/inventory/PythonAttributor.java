package dev.layerfit.inventory;

import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.archive.ArtifactContents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes files in Python site roots to distributions. In order: the {@code RECORD} of a
 * {@code *.dist-info} (or an egg-info's {@code installed-files.txt}) listing the file; the metadata folder
 * the file is in; for an unlisted {@code __pycache__/m.*.pyc}, whatever owns the sibling {@code m.py};
 * the nearest folder holding files a RECORD lists; a {@code top_level.txt} naming the top-level name;
 * for a file at the top of a function zip, the function code; a distribution whose normalised name is
 * the top-level name; else a pseudo-distribution named after the top-level folder or module.
 * Where two RECORDs list the same path, the first metadata folder in archive order wins.
 */
final class PythonAttributor {

    private static final String DIST_INFO = ".dist-info";
    private static final String EGG_INFO = ".egg-info";
    private static final String PYCACHE = "__pycache__/";
    private static final String DATA = ".data";

    /** A metadata folder (or single-file egg-info) and the names of the files in it. */
    private static final class MetaDir {
        final SiteRoot root;
        final String folder;
        final boolean singleFile;
        final Map<String, String> files = new HashMap<>();

        MetaDir(SiteRoot root, String folder, boolean singleFile) {
            this.root = root;
            this.folder = folder;
            this.singleFile = singleFile;
        }

        String path(String file) {
            return root.prefix() + folder + "/" + file;
        }
    }

    private final ArtifactContents contents;
    private final PseudoDistributions pseudo;
    private final Map<String, DistributionTally> metaDirs = new HashMap<>();
    private final Map<String, DistributionTally> listed = new HashMap<>();
    private final Map<String, DistributionTally> ownedDirs = new HashMap<>();
    private final Map<String, DistributionTally> topLevel = new HashMap<>();
    private final Map<String, DistributionTally> byName = new HashMap<>();

    PythonAttributor(ArtifactContents contents, List<RootedEntry> files, PseudoDistributions pseudo) {
        this.contents = contents;
        this.pseudo = pseudo;
        Map<String, MetaDir> found = new LinkedHashMap<>();
        for (RootedEntry f : files) {
            if (f.root().ecosystem() != Ecosystem.PYTHON || !inMetadataFolder(f.runtimePath())) {
                continue;
            }
            String top = f.topSegment();
            boolean single = top.length() == f.runtimePath().length();
            MetaDir dir = found.computeIfAbsent(f.root().prefix() + top + "/", k -> new MetaDir(f.root(), top, single));
            if (!single) {
                dir.files.putIfAbsent(f.runtimePath().substring(top.length() + 1), f.name());
            }
        }
        for (Map.Entry<String, MetaDir> e : found.entrySet()) {
            metaDirs.put(e.getKey(), register(e.getValue()));
        }
    }

    /** True when the top segment of {@code path} ends with .dist-info or .egg-info; allocates nothing. */
    private static boolean inMetadataFolder(String path) {
        int slash = path.indexOf('/');
        int end = slash < 0 ? path.length() : slash;
        return path.startsWith(DIST_INFO, end - DIST_INFO.length()) || path.startsWith(EGG_INFO, end - EGG_INFO.length());
    }

    /** The distribution whose RECORD (or installed-files.txt) lists {@code entryName}, or null. */
    DistributionTally listedOwner(String entryName) {
        return listed.get(entryName);
    }

    /** The distribution of a file in a Python site root that no RECORD lists. */
    DistributionTally attribute(RootedEntry file) {
        SiteRoot root = file.root();
        String top = file.topSegment();
        if (top.endsWith(DIST_INFO) || top.endsWith(EGG_INFO)) {
            return metaDirs.get(root.prefix() + top + "/");
        }
        if (top.endsWith(DATA) && top.indexOf('-') > 0 && top.length() < file.runtimePath().length()) {
            // an unpacked wheel's NAME-VERSION.data/ (scripts, data, headers) belongs to NAME (binary distribution format)
            DistributionTally owner = byName.get(root.prefix() + "\0" + ProjectName.canonicalize(top.substring(0, top.indexOf('-'))));
            if (owner != null) {
                return owner;
            }
        }
        String path = file.runtimePath();
        int pycache = path.endsWith(".pyc") || path.endsWith(".pyo") ? path.lastIndexOf(PYCACHE) : -1;
        if (pycache >= 0 && (pycache == 0 || path.charAt(pycache - 1) == '/')
                && path.indexOf('/', pycache + PYCACHE.length()) < 0) {
            String module = path.substring(pycache + PYCACHE.length());
            int dot = module.indexOf('.');
            path = path.substring(0, pycache) + (dot > 0 ? module.substring(0, dot) : module) + ".py";
            DistributionTally sibling = listed.get(root.prefix() + path);
            if (sibling != null) {
                return sibling;
            }
        }
        String full = root.prefix() + path;
        int end = full.lastIndexOf('/');
        while (end >= root.prefix().length()) {
            DistributionTally owner = ownedDirs.get(full.substring(0, end + 1));
            if (owner != null) {
                return owner;
            }
            end = end == 0 ? -1 : full.lastIndexOf('/', end - 1);
        }
        String name = PseudoDistributions.topLevelName(path);
        DistributionTally owner = topLevel.get(root.prefix() + "\0" + name);
        if (owner != null) {
            return owner;
        }
        if (root.isFunctionRoot() && path.indexOf('/') < 0) {
            return pseudo.get(root, Inventory.FUNCTION_CODE, AttributedBy.FUNCTION);
        }
        owner = byName.get(root.prefix() + "\0" + ProjectName.canonicalize(name));
        return owner != null ? owner : pseudo.get(root, name, AttributedBy.FOLDER);
    }

    private DistributionTally register(MetaDir dir) {
        boolean distInfo = dir.folder.endsWith(DIST_INFO);
        String stem = dir.folder.substring(0, dir.folder.length() - (distInfo ? DIST_INFO : EGG_INFO).length());
        int dash = stem.indexOf('-');
        String name = dash > 0 ? stem.substring(0, dash) : null;
        String version = null;
        if (dash > 0) {
            int end = distInfo ? stem.length() : stem.indexOf('-', dash + 1);
            version = stem.substring(dash + 1, end < 0 ? stem.length() : end);
        }
        if (name == null || version == null || version.isEmpty()) {
            String metadataFile = distInfo ? "METADATA" : "PKG-INFO";
            String[] fromMetadata = dir.files.containsKey(metadataFile) ? readNameAndVersion(dir.path(metadataFile)) : new String[2];
            name = fromMetadata[0] != null ? fromMetadata[0] : (name != null ? name : stem);
            version = fromMetadata[1] != null ? fromMetadata[1] : (version == null || version.isEmpty() ? null : version);
        }
        boolean hasRecord = distInfo && dir.files.containsKey("RECORD");
        AttributedBy by = !distInfo ? AttributedBy.EGG_INFO : hasRecord ? AttributedBy.RECORD : AttributedBy.TOP_LEVEL;
        DistributionTally tally = new DistributionTally(ProjectName.canonicalize(name), version, by, dir.root);
        String prefix = dir.root.prefix();
        if (hasRecord) {
            listRecord(tally, prefix, RecordFile.paths(read(dir.path("RECORD"))));
        }
        if (!distInfo && dir.files.containsKey("installed-files.txt")) {
            List<String> lines = read(dir.path("installed-files.txt")).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            list(tally, prefix + dir.folder + "/", lines);
        }
        if (dir.files.containsKey("top_level.txt")) {
            for (String line : read(dir.path("top_level.txt")).split("\n")) {
                String top = line.strip();
                int slash = top.indexOf('/');
                top = slash > 0 ? top.substring(0, slash) : top;
                if (!top.isEmpty()) {
                    topLevel.putIfAbsent(prefix + "\0" + top, tally);
                }
            }
        }
        byName.putIfAbsent(prefix + "\0" + tally.name, tally);
        return tally;
    }

    /**
     * Lists a RECORD's paths. Two of pip's layouts put files where a plain resolution against the site root misses
     * them: {@code pip install --target T} installs into a home scheme (purelib {@code home/lib/python}, scripts
     * {@code home/bin}, data {@code home}) and then moves {@code lib/python/*}, {@code bin/} and the data folders into
     * T, so a console script or {@code .data/scripts} file sits at {@code T/bin/NAME} while RECORD, written relative
     * to purelib, says {@code ../../bin/NAME} (pip, commands/install.py {@code _handle_target_dir}); and an unpacked
     * wheel whose {@code NAME.data/purelib|platlib/} content was moved to the root (Chalice's packager) keeps RECORD's
     * {@code NAME.data/purelib/...} paths.
     */
    private void listRecord(DistributionTally tally, String prefix, List<String> paths) {
        List<String> mapped = new java.util.ArrayList<>(paths.size());
        for (String p : paths) {
            String path = p.replace('\\', '/');
            String resolved = RecordFile.resolve(prefix, path);
            if (path.startsWith("../../") && !path.startsWith("../../../")
                    && (resolved == null || !resolved.startsWith(prefix))) {
                mapped.add(path.substring("../../".length())); // pip --target: home/X is T/X
                continue;
            }
            mapped.add(path);
            int slash = path.indexOf('/');
            if (slash > 0 && path.startsWith(DATA + "/", slash - DATA.length())
                    && (path.startsWith("purelib/", slash + 1) || path.startsWith("platlib/", slash + 1))) {
                mapped.add(path.substring(slash + 1 + "purelib/".length()));
            }
        }
        list(tally, prefix, mapped);
    }

    private void list(DistributionTally tally, String base, List<String> paths) {
        int rootLength = tally.siteRoot.prefix().length();
        String lastDir = "";
        for (String p : paths) {
            String entry = RecordFile.resolve(base, p);
            if (entry == null) {
                continue;
            }
            listed.putIfAbsent(entry, tally);
            int slash = entry.lastIndexOf('/');
            // RECORD lists a folder's files together: register each folder once, not once per file
            if (slash >= rootLength && !(slash + 1 == lastDir.length() && entry.startsWith(lastDir))) {
                lastDir = entry.substring(0, slash + 1);
                ownedDirs.putIfAbsent(lastDir, tally);
            }
        }
    }

    private String[] readNameAndVersion(String entry) {
        String[] nameAndVersion = new String[2];
        for (String line : read(entry).split("\n")) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("Name:") && nameAndVersion[0] == null) {
                nameAndVersion[0] = line.substring(5).strip();
            } else if (line.startsWith("Version:") && nameAndVersion[1] == null) {
                nameAndVersion[1] = line.substring(8).strip();
            }
        }
        return nameAndVersion;
    }

    private String read(String entry) {
        try {
            return new String(contents.read(entry), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InventoryReadException(contents.label(), entry, e);
        }
    }
}
