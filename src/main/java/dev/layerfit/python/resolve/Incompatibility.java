package dev.layerfit.python.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PubGrub incompatibility: a set of terms that must not all be true at once, with the reason it is known
 * (a fact from the index or the requirements, or derived from two other incompatibilities).
 */
final class Incompatibility {

    /** Why an incompatibility holds. */
    sealed interface Cause {
    }

    /** The root package must be selected. */
    record Root() implements Cause {
    }

    /** {@code terms[0]} depends on {@code terms[1]}'s negation (from Requires-Dist or the root requirements). */
    record Dependency() implements Cause {
    }

    /** The user's constraints (-c) restrict a package without requiring it. */
    record Constraint(String specifier) implements Cause {
    }

    /** No listed version of the package is in the term's set. */
    record NoVersions() implements Cause {
    }

    /** The versions of the term cannot be used on the target; {@code reason} says why, as a sentence part. */
    record Unusable(UnusableReason kind, String reason, String hint) implements Cause {
    }

    /** Learned from two incompatibilities during conflict resolution. */
    record Derived(Incompatibility left, Incompatibility right) implements Cause {
    }

    /** The kinds of unusable versions. */
    enum UnusableReason { NO_USABLE_WHEEL, REQUIRES_PYTHON, YANKED }

    private final List<Term> terms;
    private final Cause cause;

    Incompatibility(List<Term> terms, Cause cause) {
        // One term per package: intersect duplicates (as pubgrub's "from union" does).
        Map<String, Term> byPkg = new LinkedHashMap<>();
        for (Term t : terms) {
            byPkg.merge(t.pkg(), t, Term::intersect);
        }
        this.terms = List.copyOf(byPkg.values());
        this.cause = cause;
    }

    List<Term> terms() {
        return terms;
    }

    Cause cause() {
        return cause;
    }

    Term termFor(String pkg) {
        for (Term t : terms) {
            if (t.pkg().equals(pkg)) {
                return t;
            }
        }
        return null;
    }

    boolean isDerived() {
        return cause instanceof Derived;
    }

    /** Whether this incompatibility means the root cannot be selected: resolution fails. */
    boolean isFailure(String root) {
        return terms.isEmpty() || (terms.size() == 1 && terms.get(0).pkg().equals(root) && terms.get(0).positive());
    }

    /** pubgrub's "prior cause": the union of both incompatibilities' terms, minus "any" terms for {@code pkg}. */
    static Incompatibility priorCause(Incompatibility a, Incompatibility b, String pkg) {
        List<Term> out = new ArrayList<>();
        Term ta = a.termFor(pkg);
        Term tb = b.termFor(pkg);
        for (Term t : a.terms) {
            if (!t.pkg().equals(pkg)) {
                out.add(t);
            }
        }
        for (Term t : b.terms) {
            if (!t.pkg().equals(pkg)) {
                out.add(t);
            }
        }
        Term merged = ta.union(tb);
        if (!merged.isAny()) {
            out.add(merged);
        }
        return new Incompatibility(out, new Derived(a, b));
    }
}
