package dev.layerfit.python.pep508;

import dev.layerfit.python.pep440.InvalidSpecifierException;
import dev.layerfit.python.pep440.SpecifierSet;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier ({@code name[extras] specifiers ; marker} or {@code name @ url ; marker}),
 * parsed and printed as pypa/packaging 26.2 {@code Requirement}.
 */
public final class Requirement {

    private final String name;
    private final SortedSet<String> extras;
    private final SpecifierSet specifier;
    private final String url;
    private final Marker marker;

    private Requirement(String name, SortedSet<String> extras, SpecifierSet specifier, String url, Marker marker) {
        this.name = name;
        this.extras = extras;
        this.specifier = specifier;
        this.url = url;
        this.marker = marker;
    }

    /** Parses a requirement; throws {@link InvalidRequirementException} naming the position of the fault. */
    /**
     * The longest requirement parsed: 2048 characters (a name, extras, specifiers, a URL and a marker fit in far
     * less). Java's regex engine recurses per repetition, so a 20,000-character version would overflow the stack.
     */
    public static final int MAX_LENGTH = 2048;

    public static Requirement parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRequirementException(text, "the requirement is " + text.length()
                    + " characters long, more than layerfit's limit of " + MAX_LENGTH);
        }
        DependencyParser.Parsed parsed;
        try {
            parsed = DependencyParser.parseRequirement(text);
        } catch (Tokenizer.ParseFailure e) {
            throw new InvalidRequirementException(text, e.detail);
        }
        SpecifierSet specifier;
        try {
            specifier = SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            throw new InvalidRequirementException(text, e.getMessage());
        }
        TreeSet<String> extras = new TreeSet<>(parsed.extras());
        return new Requirement(parsed.name(), extras, specifier, parsed.url().isEmpty() ? null : parsed.url(),
                parsed.marker() == null ? null : Marker.fromTree(parsed.marker()));
    }

    /** The name as written. */
    public String name() {
        return name;
    }

    /** The name normalised per PEP 503 (lower case, runs of -_. as one dash). */
    public String normalizedName() {
        return ProjectName.canonicalize(name);
    }

    /** The extras as written, sorted. */
    public SortedSet<String> extras() {
        return java.util.Collections.unmodifiableSortedSet(extras);
    }

    /** The version specifiers (empty when none). */
    public SpecifierSet specifier() {
        return specifier;
    }

    /** The direct URL after {@code @}, if any. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The environment marker after {@code ;}, if any. */
    public Optional<Marker> marker() {
        return Optional.ofNullable(marker);
    }

    /** The normalised form, as {@code str(Requirement(...))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        if (!extras.isEmpty()) {
            sb.append('[').append(String.join(",", extras)).append(']');
        }
        if (!specifier.isEmpty()) {
            sb.append(specifier);
        }
        if (url != null) {
            sb.append(" @ ").append(url);
            if (marker != null) {
                sb.append(' ');
            }
        }
        if (marker != null) {
            sb.append("; ").append(marker);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r && normalizedName().equals(r.normalizedName()) && extras.equals(r.extras)
                && specifier.equals(r.specifier) && java.util.Objects.equals(url, r.url)
                && java.util.Objects.equals(marker, r.marker);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(normalizedName(), extras, specifier, url, marker);
    }
}
