package dev.layerfit.inventory;

/**
 * Summary of single files found at the same runtime path in several places (artifacts or site roots),
 * whichever distribution they belong to.
 *
 * @param paths           how many runtime paths have more than one copy
 * @param redundantCopies how many copies are shadowed (copies minus one, summed over those paths)
 * @param wastedBytes     the bytes of the shadowed copies
 */
public record FileDuplicates(int paths, int redundantCopies, long wastedBytes) {
}
