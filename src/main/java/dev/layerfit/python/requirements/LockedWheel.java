package dev.layerfit.python.requirements;

/**
 * One wheel a lock lists for a package.
 *
 * @param filename the wheel's file name (its tags say where it installs)
 * @param url      where to fetch it ({@code https:} or {@code file:}), or null when the lock gives only the name
 *                 (Poetry): it is then found in the index by name and hash
 * @param sha256   its lower-case hex sha256, as the lock promises it
 * @param size     its size in bytes, or null when the lock does not say
 */
public record LockedWheel(String filename, String url, String sha256, Long size) {
}
