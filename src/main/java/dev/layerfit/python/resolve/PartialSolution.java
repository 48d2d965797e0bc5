package dev.layerfit.python.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * PubGrub's partial solution: the ordered list of decisions and derivations, with each package's current
 * term (the intersection of its assignments) kept up to date.
 */
final class PartialSolution {

    /** One assignment: a decision ({@code cause} null) or a derivation from {@code cause}. */
    record Assignment(Term term, int level, Incompatibility cause) {
        boolean isDecision() {
            return cause == null;
        }
    }

    /** How an incompatibility relates to the partial solution; {@code unsatisfied} set when almost satisfied. */
    record Relation(boolean satisfied, boolean contradicted, Term unsatisfied) {
    }

    /** The satisfier of an incompatibility and the decision level to backtrack to. */
    record Satisfier(Assignment assignment, int previousLevel) {
    }

    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, Term> current = new LinkedHashMap<>();
    private final Map<String, Integer> decisions = new HashMap<>();
    private final ToIntFunction<String> sizeOf;
    private int level;

    PartialSolution(ToIntFunction<String> sizeOf) {
        this.sizeOf = sizeOf;
    }

    int level() {
        return level;
    }

    void decide(String pkg, int index) {
        level++;
        decisions.put(pkg, index);
        add(new Assignment(Term.positive(pkg, VersionSet.single(index, sizeOf.applyAsInt(pkg)), null), level, null));
    }

    void derive(Term term, Incompatibility cause) {
        add(new Assignment(term, level, cause));
    }

    private void add(Assignment a) {
        assignments.add(a);
        current.merge(a.term().pkg(), a.term(), Term::intersect);
    }

    Term current(String pkg) {
        return current.get(pkg);
    }

    Map<String, Integer> decisions() {
        return decisions;
    }

    /** Packages that must be selected (positive term) but have no decision yet, in order of first mention. */
    List<String> undecided() {
        List<String> out = new ArrayList<>();
        current.forEach((pkg, term) -> {
            if (term.positive() && !decisions.containsKey(pkg)) {
                out.add(pkg);
            }
        });
        return out;
    }

    Relation relation(Incompatibility inc) {
        Term unsatisfied = null;
        for (Term t : inc.terms()) {
            Term have = current.get(t.pkg());
            if (have == null) {
                have = Term.any(t.pkg(), sizeOf.applyAsInt(t.pkg()));
            }
            if (have.subsetOf(t)) {
                continue;
            }
            if (have.disjointFrom(t)) {
                return new Relation(false, true, null);
            }
            if (unsatisfied != null) {
                return new Relation(false, false, null);
            }
            unsatisfied = t;
        }
        return new Relation(unsatisfied == null, false, unsatisfied);
    }

    /** Removes every assignment above {@code target} level and recomputes the current terms. */
    void backtrack(int target) {
        while (!assignments.isEmpty() && assignments.get(assignments.size() - 1).level() > target) {
            Assignment a = assignments.remove(assignments.size() - 1);
            if (a.isDecision()) {
                decisions.remove(a.term().pkg());
            }
        }
        level = target;
        current.clear();
        for (Assignment a : assignments) {
            current.merge(a.term().pkg(), a.term(), Term::intersect);
        }
    }

    /** solver.md "Conflict Resolution": the earliest assignment that completes the satisfaction of {@code inc}. */
    Satisfier satisfier(Incompatibility inc) {
        int satisfierIndex = -1;
        Map<String, Integer> indexOf = new HashMap<>();
        for (Term t : inc.terms()) {
            int idx = firstSatisfying(t, null, assignments.size());
            indexOf.put(t.pkg(), idx);
            satisfierIndex = Math.max(satisfierIndex, idx);
        }
        Assignment satisfier = assignments.get(satisfierIndex);
        String pkg = satisfier.term().pkg();
        int previous = -1;
        for (Term t : inc.terms()) {
            if (!t.pkg().equals(pkg)) {
                previous = Math.max(previous, indexOf.get(t.pkg()));
            }
        }
        Term term = inc.termFor(pkg);
        if (!satisfier.term().subsetOf(term)) {
            previous = Math.max(previous, firstSatisfying(term, satisfier.term(), satisfierIndex));
        }
        int previousLevel = previous < 0 ? 1 : Math.max(1, assignments.get(previous).level());
        return new Satisfier(satisfier, previousLevel);
    }

    /** Index of the first assignment at which the package's accumulated term (with {@code extra}) satisfies t. */
    private int firstSatisfying(Term t, Term extra, int limit) {
        Term acc = extra;
        for (int i = 0; i < limit; i++) {
            Assignment a = assignments.get(i);
            if (!a.term().pkg().equals(t.pkg())) {
                continue;
            }
            acc = acc == null ? a.term() : acc.intersect(a.term());
            if (acc.subsetOf(t)) {
                return i;
            }
        }
        if (extra == null) {
            throw new IllegalStateException("no satisfier for " + t);
        }
        return -1;
    }
}
