package dev.layerfit.listing;

import java.util.Set;

/**
 * Which files a listing keeps the real bytes of: the small metadata files {@code dev.layerfit.inventory}
 * reads to attribute files to distributions. Python: {@code RECORD}, {@code top_level.txt}, {@code METADATA},
 * {@code WHEEL} and {@code INSTALLER} directly in a {@code *.dist-info} folder (PEP 376, PEP 427), every file
 * directly in a {@code *.egg-info} folder and a single-file {@code *.egg-info}; Node.js: every
 * {@code package.json} under a {@code node_modules} folder. Everything else gets filler content.
 */
public final class InventoryMetadataFiles {

    private static final Set<String> DIST_INFO_FILES = Set.of("RECORD", "top_level.txt", "METADATA", "WHEEL", "INSTALLER");

    private InventoryMetadataFiles() {
    }

    /** Whether the file at {@code path} ('/'-separated, relative) is kept byte for byte. */
    public static boolean isKept(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        String parent = slash < 0 ? "" : path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
        if (parent.endsWith(".dist-info")) {
            return DIST_INFO_FILES.contains(name);
        }
        if (parent.endsWith(".egg-info") || name.endsWith(".egg-info")) {
            return true;
        }
        return name.equals("package.json") && (path.startsWith("node_modules/") || path.contains("/node_modules/"));
    }
}
