package dev.layerfit.inventory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The space one distribution takes in one site root of an artifact.
 *
 * @param name            the distribution's name: PEP 503-normalised for Python distributions found by
 *                        metadata, the package.json name for Node.js, the jar's name without its version,
 *                        the folder or module name for a pseudo-distribution, or {@link Inventory#FUNCTION_CODE}
 * @param version         its version, or null when unknown (pseudo-distributions)
 * @param attributedBy    how it was recognised
 * @param siteRoot        the site root it lives in
 * @param bytes           the bytes its files add to the unzipped total
 * @param files           how many entries (files and symlinks) it owns
 * @param bytesByCategory bytes per category, every category present (zero when none), in enum order
 */
public record DistributionUsage(String name, String version, AttributedBy attributedBy, SiteRoot siteRoot,
                                long bytes, int files, Map<Category, Long> bytesByCategory) {

    public DistributionUsage {
        EnumMap<Category, Long> copy = new EnumMap<>(Category.class);
        copy.putAll(bytesByCategory);
        bytesByCategory = Collections.unmodifiableMap(copy);
    }

    /** The bytes of this distribution's files in {@code category}. */
    public long bytes(Category category) {
        return bytesByCategory.getOrDefault(category, 0L);
    }

    /** True for a pseudo-distribution without metadata (a folder, a module, or function code). */
    public boolean isPseudo() {
        return attributedBy == AttributedBy.FOLDER || attributedBy == AttributedBy.FUNCTION;
    }
}
