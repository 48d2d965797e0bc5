package dev.layerfit.python.pep440;

import dev.layerfit.python.CodePointOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * A comma-separated set of PEP 440 specifiers, with the matching and pre-release rules of pypa/packaging
 * 26.2 {@code SpecifierSet}: pre-releases are excluded by default unless a clause mentions one or only
 * pre-releases match; strings that are not versions can only match {@code ===}.
 */
public final class SpecifierSet {

    private static final SpecifierSet EMPTY = new SpecifierSet(List.of(), false);

    private final List<Specifier> specs;
    private final boolean hasArbitrary;
    private String text;

    private SpecifierSet(List<Specifier> specs, boolean hasArbitrary) {
        this.specs = List.copyOf(specs);
        this.hasArbitrary = hasArbitrary;
    }

    /** The set with no clauses: every version matches (subject to the pre-release rule). */
    public static SpecifierSet empty() {
        return EMPTY;
    }

    /** Parses {@code ">=1.0, !=1.5.*"}; blank clauses are ignored; throws {@link InvalidSpecifierException}. */
    public static SpecifierSet parse(String text) {
        List<Specifier> specs = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String clause = PythonWhitespace.strip(part);
            if (!clause.isEmpty()) {
                specs.add(Specifier.parse(clause));
            }
        }
        return new SpecifierSet(specs, text.contains("==="));
    }

    /** The clauses in the order written. */
    public List<Specifier> specifiers() {
        return specs;
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }

    /** TRUE when some clause mentions a pre-release; otherwise null ("decide by the PEP 440 default"). */
    public Boolean prereleases() {
        for (Specifier s : specs) {
            if (Boolean.TRUE.equals(s.mentionsPrerelease())) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /**
     * Whether {@code item} satisfies every clause. {@code prereleases}: null for packaging's default
     * (allowed when a clause mentions one), TRUE to allow, FALSE to refuse pre-releases.
     */
    public boolean contains(String item, Boolean prereleases) {
        return !filter(List.of(item), Function.identity(), prereleases).isEmpty();
    }

    /**
     * Whether {@code version} satisfies every clause, pre-releases allowed or refused: {@code contains(version.toString(),
     * prereleases)} without parsing the version again.
     */
    public boolean contains(Version version, boolean prereleases) {
        if (specs.isEmpty()) {
            return prereleases || !version.isPrerelease();
        }
        return matchesAll(version.toString(), version, prereleases);
    }

    /** Whether {@code version} satisfies every clause, with the default pre-release rule. */
    public boolean contains(Version version) {
        return contains(version.toString(), null);
    }

    /** The matching strings, in input order and original spelling. */
    public List<String> filter(List<String> items, Boolean prereleases) {
        return filter(items, Function.identity(), prereleases);
    }

    /**
     * The matching items, in input order. With {@code prereleases} null, pre-releases are returned only when
     * no final release matches (or a clause mentions a pre-release).
     */
    public <T> List<T> filter(List<T> items, Function<T, String> versionOf, Boolean prereleases) {
        Boolean pre = prereleases != null ? prereleases : prereleases();
        List<T> passed = new ArrayList<>();
        for (T item : items) {
            String raw = versionOf.apply(item);
            Version parsed = Version.parseOrNull(raw);
            if (specs.isEmpty()) {
                if (pre == null || pre || parsed == null || !parsed.isPrerelease()) {
                    passed.add(item);
                }
            } else if (matchesAll(raw, parsed, pre == null || pre)) {
                passed.add(item);
            }
        }
        return pre != null ? passed : withoutPrereleasesUnlessOnly(passed, versionOf);
    }

    private boolean matchesAll(String raw, Version parsed, boolean allowPrereleases) {
        if (parsed != null && !allowPrereleases && parsed.isPrerelease()) {
            return false;
        }
        for (Specifier s : specs) {
            if (!s.matches(raw, parsed)) {
                return false;
            }
        }
        return true;
    }

    /** PEP 440: drop pre-releases when a final release is present; non-versions always stay. */
    private static <T> List<T> withoutPrereleasesUnlessOnly(List<T> items, Function<T, String> versionOf) {
        List<T> kept = new ArrayList<>();
        boolean foundFinal = false;
        for (T item : items) {
            Version v = Version.parseOrNull(versionOf.apply(item));
            if (v == null || !v.isPrerelease()) {
                kept.add(item);
                foundFinal |= v != null;
            }
        }
        return foundFinal ? kept : items;
    }

    /** Clauses sorted by text, duplicates (by normalised meaning) removed, joined by commas. */
    @Override
    public String toString() {
        String t = text; // made once (the resolver keys caches by it); a benign race
        if (t == null) {
            t = joined();
            text = t;
        }
        return t;
    }

    private String joined() {
        List<Specifier> sorted = new ArrayList<>(specs);
        sorted.sort((a, b) -> CodePointOrder.compare(a.toString(), b.toString())); // not Comparator.comparing (docs/architecture.md, Start-up)
        List<String> out = new ArrayList<>();
        for (Specifier s : new LinkedHashSet<>(sorted)) {
            out.add(s.toString());
        }
        return String.join(",", out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecifierSet && new LinkedHashSet<>(specs).equals(new LinkedHashSet<>(((SpecifierSet) o).specs));
    }

    @Override
    public int hashCode() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(specs)).hashCode();
    }
}
