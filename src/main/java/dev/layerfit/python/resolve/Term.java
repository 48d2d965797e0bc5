package dev.layerfit.python.resolve;

/**
 * A PubGrub term: "package is selected at a version in set" (positive) or its negation "package is not
 * selected, or at a version outside set" (negative). {@code label} is the specifier text the set came from
 * (null when the set was computed by set algebra and has to be printed from its bits).
 */
record Term(String pkg, boolean positive, VersionSet set, String label) {

    static Term positive(String pkg, VersionSet set, String label) {
        return new Term(pkg, true, set, label);
    }

    static Term negative(String pkg, VersionSet set, String label) {
        return new Term(pkg, false, set, label);
    }

    /** "Anything goes" for {@code pkg}: the negation of the empty set. */
    static Term any(String pkg, int size) {
        return new Term(pkg, false, VersionSet.empty(size), null);
    }

    Term negate() {
        return new Term(pkg, !positive, set, label);
    }

    Term intersect(Term o) {
        if (positive && o.positive) {
            return new Term(pkg, true, set.intersect(o.set), joinLabels(label, o.label));
        }
        if (positive) {
            return new Term(pkg, true, set.minus(o.set), o.set.isEmpty() ? label : null);
        }
        if (o.positive) {
            return new Term(pkg, true, o.set.minus(set), set.isEmpty() ? o.label : null);
        }
        VersionSet u = set.union(o.set);
        return new Term(pkg, false, u, u.equals(set) ? label : u.equals(o.set) ? o.label : null);
    }

    Term union(Term o) {
        return negate().intersect(o.negate()).negate();
    }

    /** Whether no assignment can satisfy this term. */
    boolean isEmpty() {
        return positive && set.isEmpty();
    }

    /** Whether every assignment satisfies this term. */
    boolean isAny() {
        return !positive && set.isEmpty();
    }

    /** Whether every assignment satisfying this term also satisfies {@code o}. */
    boolean subsetOf(Term o) {
        return intersect(o).sameAs(this);
    }

    boolean disjointFrom(Term o) {
        return intersect(o).isEmpty();
    }

    boolean sameAs(Term o) {
        return positive == o.positive && set.equals(o.set);
    }

    private static String joinLabels(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.isEmpty() || a.equals(b)) {
            return b;
        }
        return b.isEmpty() ? a : a + "," + b;
    }
}
