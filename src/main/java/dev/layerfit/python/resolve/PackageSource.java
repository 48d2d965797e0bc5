package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.Version;
import java.util.List;

/**
 * Where the resolver gets packages from: an index client, a find-links folder, or an in-memory map in tests.
 * The resolver asks {@link #versions} once per project and {@link #metadata} only for the versions it
 * actually tries, so an implementation can stay lazy.
 */
public interface PackageSource {

    /**
     * Every version the source knows of the project {@code normalizedName} (PEP 503 normalised), in any order;
     * empty when the project does not exist.
     */
    List<Candidate> versions(String normalizedName);

    /** The metadata of one version previously returned by {@link #versions}. */
    Dependencies metadata(String normalizedName, Version version);

    /**
     * Whether a version of the project with no usable wheel but an sdist may be chosen: the source then gives its metadata (built
     * or static) from {@link #metadata}. The resolver prefers versions with wheels, as pip's {@code --prefer-binary}
     * does, and takes an sdist only when no version with a wheel is left.
     */
    default boolean buildsSdists(String normalizedName) {
        return false;
    }
}
