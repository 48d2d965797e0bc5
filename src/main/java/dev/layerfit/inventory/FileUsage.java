package dev.layerfit.inventory;

import dev.layerfit.archive.ArchiveEntry;

/**
 * One file (or symlink) of an artifact with what it was attributed to.
 *
 * @param entry        the archive entry
 * @param siteRoot     the site root it lies in
 * @param runtimePath  its path relative to the site root, as the runtime imports it
 *                     ({@code numpy/__init__.py} under {@code python/} or under site-packages alike)
 * @param distribution the distribution that owns it
 * @param category     what kind of file it is
 */
public record FileUsage(ArchiveEntry entry, SiteRoot siteRoot, String runtimePath,
                        DistributionUsage distribution, Category category) {

    /** The bytes this file adds to Lambda's unzipped total. */
    public long bytes() {
        return entry.countedBytes();
    }
}
