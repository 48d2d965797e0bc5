package dev.layerfit.python.resolve;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the failing incompatibility's derivation tree into sentences, following solver.md "Error Reporting":
 * "Because a>=2 depends on b<1 and root depends on a>=2, b<1 is required." Derived incompatibilities used
 * more than once get a line number and are referred to as "(1)". Terms print the specifiers they came from
 * when they still have them, else ranges over the listed versions.
 */
final class DerivationWriter {

    private final Function<String, PackageVersions> versions;
    private final ResolveTarget target;
    private final Map<Incompatibility, Integer> references = new IdentityHashMap<>();
    private final Map<Incompatibility, Integer> lineNumbers = new IdentityHashMap<>();
    private final List<String> lines = new ArrayList<>();

    DerivationWriter(Function<String, PackageVersions> versions, ResolveTarget target) {
        this.versions = versions;
        this.target = target;
    }

    String explain(Incompatibility failure) {
        references.clear();
        lineNumbers.clear();
        lines.clear();
        count(failure, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        if (failure.isDerived()) {
            visit(failure);
        } else {
            lines.add("Because " + statement(failure) + ", the requirements are unsatisfiable.");
        }
        Set<String> hints = new LinkedHashSet<>();
        collectHints(failure, hints, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        StringBuilder sb = new StringBuilder(String.join("\n", lines));
        for (String h : hints) {
            sb.append("\nHint: ").append(h).append('.');
        }
        return sb.toString();
    }

    private void count(Incompatibility inc, Set<Incompatibility> seen) {
        if (inc.cause() instanceof Incompatibility.Derived d) {
            for (Incompatibility c : List.of(d.left(), d.right())) {
                references.merge(c, 1, Integer::sum);
                if (seen.add(c)) {
                    count(c, seen);
                }
            }
        }
    }

    private void collectHints(Incompatibility inc, Set<String> hints, Set<Incompatibility> seen) {
        if (!seen.add(inc)) {
            return;
        }
        if (inc.cause() instanceof Incompatibility.Derived d) {
            collectHints(d.left(), hints, seen);
            collectHints(d.right(), hints, seen);
        } else if (inc.cause() instanceof Incompatibility.Unusable u && u.hint() != null) {
            hints.add(u.hint());
        }
    }

    private void visit(Incompatibility inc) {
        Incompatibility.Derived d = (Incompatibility.Derived) inc.cause();
        Incompatibility left = d.left();
        Incompatibility right = d.right();
        if (left.isDerived() && right.isDerived()) {
            Integer l1 = lineNumbers.get(left);
            Integer l2 = lineNumbers.get(right);
            if (l1 != null && l2 != null) {
                write(inc, "Because " + statement(left) + " (" + l1 + ") and " + statement(right) + " (" + l2 + "), "
                        + conclusion(inc) + ".");
            } else if (l1 != null || l2 != null) {
                Incompatibility numbered = l1 != null ? left : right;
                visit(l1 != null ? right : left);
                write(inc, "And because " + statement(numbered) + " (" + lineNumbers.get(numbered) + "), "
                        + conclusion(inc) + ".");
            } else {
                visit(left);
                if (!lineNumbers.containsKey(left)) {
                    lineNumbers.put(left, lineNumbers.size() + 1);
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " (" + lineNumbers.get(left) + ")");
                }
                lines.add("");
                visit(right);
                write(inc, "Thus, " + conclusion(inc) + ".");
            }
        } else if (left.isDerived() || right.isDerived()) {
            Incompatibility derived = left.isDerived() ? left : right;
            Incompatibility external = left.isDerived() ? right : left;
            Integer n = lineNumbers.get(derived);
            if (n != null) {
                write(inc, "Because " + statement(external) + " and " + statement(derived) + " (" + n + "), "
                        + conclusion(inc) + ".");
            } else {
                visit(derived);
                write(inc, "And because " + statement(external) + ", " + conclusion(inc) + ".");
            }
        } else {
            write(inc, "Because " + statement(left) + " and " + statement(right) + ", " + conclusion(inc) + ".");
        }
    }

    private void write(Incompatibility inc, String line) {
        if (references.getOrDefault(inc, 0) > 1) {
            lineNumbers.put(inc, lineNumbers.size() + 1);
            line += " (" + lineNumbers.get(inc) + ")";
        }
        lines.add(line);
    }

    private String conclusion(Incompatibility inc) {
        return inc.isFailure(PubGrubSolver.ROOT) ? "the requirements are unsatisfiable" : statement(inc);
    }

    /** One incompatibility as a clause. */
    String statement(Incompatibility inc) {
        List<Term> terms = new ArrayList<>(inc.terms());
        Incompatibility.Cause cause = inc.cause();
        if (cause instanceof Incompatibility.Dependency && terms.size() == 2) {
            return subject(terms.get(0)) + " depends on " + term(terms.get(1));
        }
        if (cause instanceof Incompatibility.Constraint c) {
            Term t = terms.stream().filter(x -> !x.pkg().equals(PubGrubSolver.ROOT)).findFirst().orElseThrow();
            return "the constraints restrict " + t.pkg() + " to " + (c.specifier().isEmpty() ? "any version" : c.specifier());
        }
        if (cause instanceof Incompatibility.NoVersions) {
            Term t = terms.get(0);
            if (versions.apply(t.pkg()).size() == 0) {
                return t.pkg() + " is not on the index";
            }
            if (t.label() == null && t.set().hasNoListedVersion()) {
                return "no other version of " + t.pkg() + " is available";
            }
            return "no usable version of " + t.pkg() + " matches " + (setText(t).isEmpty() ? "any version" : setText(t));
        }
        if (cause instanceof Incompatibility.Unusable u) {
            return term(terms.get(0)) + " " + u.reason();
        }
        if (cause instanceof Incompatibility.Root) {
            return "root is required";
        }
        terms.removeIf(t -> t.pkg().equals(PubGrubSolver.ROOT) && t.positive() && inc.terms().size() > 1);
        if (terms.isEmpty()) {
            return "the requirements are unsatisfiable";
        }
        if (terms.size() == 1) {
            Term t = terms.get(0);
            return t.positive() ? term(t) + " cannot be used" : term(t) + " is required";
        }
        if (terms.size() == 2) {
            Term a = terms.get(0);
            Term b = terms.get(1);
            if (a.positive() != b.positive()) {
                Term pos = a.positive() ? a : b;
                Term neg = a.positive() ? b : a;
                return term(pos) + " depends on " + term(neg);
            }
            if (a.positive()) {
                return term(a) + " is incompatible with " + term(b);
            }
            return "either " + term(a) + " or " + term(b) + " is required";
        }
        List<String> parts = new ArrayList<>();
        for (Term t : terms) {
            parts.add((t.positive() ? "" : "not ") + term(t));
        }
        return "one of " + String.join(", ", parts) + " must be false";
    }

    private String subject(Term t) {
        return t.pkg().equals(PubGrubSolver.ROOT) ? "root" : term(t);
    }

    /** "a>=2.0.0", "a==1.0.0", "a" (any version). */
    String term(Term t) {
        if (t.pkg().equals(PubGrubSolver.ROOT)) {
            return "root";
        }
        return t.pkg() + setText(t);
    }

    private String setText(Term t) {
        if (t.label() != null) {
            return t.label();
        }
        PackageVersions pv = versions.apply(t.pkg());
        BitSet listed = t.set().listed();
        if (listed.cardinality() == pv.size()) {
            return "";
        }
        if (listed.isEmpty()) {
            return " (no listed version)";
        }
        List<String> runs = new ArrayList<>();
        int i = listed.nextSetBit(0);
        while (i >= 0) {
            int end = listed.nextClearBit(i) - 1;
            runs.add(0, run(pv, i, end));
            i = listed.nextSetBit(end + 1);
        }
        return String.join(" or ", runs);
    }

    /** Indices newest..oldest inclusive (newest has the lower index). */
    private static String run(PackageVersions pv, int newest, int oldest) {
        if (newest == oldest) {
            return "==" + pv.version(newest);
        }
        String lower = oldest == pv.size() - 1 ? null : ">=" + pv.version(oldest);
        String upper = newest == 0 ? null : "<" + pv.version(newest - 1);
        if (lower == null && upper == null) {
            return "";
        }
        return lower == null ? upper : upper == null ? lower : lower + "," + upper;
    }

}
