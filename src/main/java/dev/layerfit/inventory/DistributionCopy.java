package dev.layerfit.inventory;

/**
 * One copy of a distribution in one site root of one artifact.
 *
 * @param artifactIndex the artifact's position in the list given to {@link DuplicateFinder#find}
 * @param artifact      the artifact's label
 * @param version       the copy's version, or null when unknown
 * @param siteRoot      where in the artifact it lives
 * @param bytes         the bytes it adds to the unzipped total
 */
public record DistributionCopy(int artifactIndex, String artifact, String version, SiteRoot siteRoot, long bytes) {

    /**
     * True when this copy shadows {@code other} at run time: it sits earlier on the search path
     * (function code, then site-packages, then {@code python/}), or at the same place in a later
     * artifact (layers are extracted in order, so a later layer's files overwrite an earlier one's).
     */
    boolean winsOver(DistributionCopy other) {
        if (siteRoot.searchOrder() != other.siteRoot.searchOrder()) {
            return siteRoot.searchOrder() < other.siteRoot.searchOrder();
        }
        return artifactIndex > other.artifactIndex;
    }
}
