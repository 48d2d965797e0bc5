package dev.layerfit.inventory;

import java.util.EnumMap;
import java.util.Map;

/** A distribution being counted while an {@link Inventory} is built; frozen into a {@link DistributionUsage}. */
final class DistributionTally {

    private static final Category[] CATEGORIES = Category.values();

    final String name;
    final String version;
    final AttributedBy attributedBy;
    final SiteRoot siteRoot;
    private long bytes;
    private int files;
    private final long[] categoryBytes = new long[CATEGORIES.length];
    private DistributionUsage frozen;

    DistributionTally(String name, String version, AttributedBy attributedBy, SiteRoot siteRoot) {
        this.name = name;
        this.version = version;
        this.attributedBy = attributedBy;
        this.siteRoot = siteRoot;
    }

    void add(long fileBytes, Category category) {
        bytes += fileBytes;
        files++;
        categoryBytes[category.ordinal()] += fileBytes;
    }

    DistributionUsage freeze() {
        if (frozen == null) {
            Map<Category, Long> byCategory = new EnumMap<>(Category.class);
            for (Category c : CATEGORIES) {
                byCategory.put(c, categoryBytes[c.ordinal()]);
            }
            frozen = new DistributionUsage(name, version, attributedBy, siteRoot, bytes, files, byCategory);
        }
        return frozen;
    }
}
