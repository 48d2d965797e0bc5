package dev.layerfit.inventory;

import dev.layerfit.archive.ArchiveEntry;

/** An archive entry with the site root it is under and its runtime path, as found by {@link SiteRootLocator}. */
record RootedEntry(ArchiveEntry entry, SiteRoot root, String runtimePath) {

    String name() {
        return entry.name();
    }

    /** The first segment of the runtime path (the whole path for a file at the top). */
    String topSegment() {
        int slash = runtimePath.indexOf('/');
        return slash < 0 ? runtimePath : runtimePath.substring(0, slash);
    }
}
