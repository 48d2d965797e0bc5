package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep440.Specifier;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Marker;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.python.pep508.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PubGrub algorithm (Natalie Weizenbaum, dart-lang/pub {@code doc/solver.md}) over {@link VersionSet}s:
 * unit propagation, decision making (newest usable version first), conflict resolution with learned
 * incompatibilities and backjumping. Packages are keyed by normalised name; {@code name[extra]} is a virtual
 * package that depends on {@code name} at the same version plus the extra's requirements.
 */
final class PubGrubSolver {

    static final String ROOT = "root";

    private final PackageSource source;
    private final ResolveTarget target;
    private final boolean allowPrereleases;
    private final List<Requirement> requirements;
    /** pip's {@code -c}, by normalized project name. */
    private final Map<String, List<Requirement>> constraints = new HashMap<>();
    private final Map<String, List<SpecifierSet>> yankPins = new HashMap<>();
    private final Map<String, PackageVersions> packages = new HashMap<>();
    private final Map<String, List<Incompatibility>> incompatibilities = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    private final Set<String> mentionsPrerelease = new HashSet<>();
    private final Map<String, Dependencies> metadata = new HashMap<>();
    private final PartialSolution solution = new PartialSolution(this::size);
    private final DerivationWriter writer;
    private final List<AlternativeTarget> alternatives;

    PubGrubSolver(PackageSource source, ResolveTarget target, boolean allowPrereleases,
                  List<Requirement> requirements, List<Requirement> constraints, List<AlternativeTarget> alternatives) {
        this.alternatives = alternatives;
        this.source = source;
        this.target = target;
        this.allowPrereleases = allowPrereleases;
        this.requirements = List.copyOf(requirements);
        for (Requirement r : requirements) {
            pinIfExact(r);
        }
        for (Requirement c : constraints) {
            pinIfExact(c);
            this.constraints.computeIfAbsent(c.normalizedName(), k -> new ArrayList<>()).add(c);
        }
        this.writer = new DerivationWriter(this::versions, target);
    }

    /** PEP 592: a yanked file may be used only when the user pins the version with == or ===. */
    private void pinIfExact(Requirement r) {
        for (Specifier s : r.specifier().specifiers()) {
            boolean exact = s.operator() == Specifier.Operator.ARBITRARY
                    || (s.operator() == Specifier.Operator.EQUAL && !s.version().endsWith(".*"));
            if (exact) {
                yankPins.computeIfAbsent(r.normalizedName(), k -> new ArrayList<>()).add(r.specifier());
                return;
            }
        }
    }

    /** Solves; returns the decided version index of every real package. */
    Map<String, Integer> solve() {
        addIncompatibility(new Incompatibility(List.of(Term.negative(ROOT, VersionSet.full(1), "")),
                new Incompatibility.Root()));
        String next = ROOT;
        while (next != null) {
            propagate(next);
            next = decideNext();
        }
        Map<String, Integer> out = new HashMap<>(solution.decisions());
        out.remove(ROOT);
        out.keySet().removeIf(k -> k.contains("["));
        return out;
    }

    PackageVersions versions(String pkg) {
        String base = baseName(pkg);
        return packages.computeIfAbsent(base, b -> new PackageVersions(b, source.versions(b), target,
                yankPins.getOrDefault(b, List.of()), source.buildsSdists(b)));
    }

    private int size(String pkg) {
        return pkg.equals(ROOT) ? 1 : versions(pkg).size();
    }

    static String baseName(String pkg) {
        int bracket = pkg.indexOf('[');
        return bracket < 0 ? pkg : pkg.substring(0, bracket);
    }

    private void addIncompatibility(Incompatibility inc) {
        for (Term t : inc.terms()) {
            incompatibilities.computeIfAbsent(t.pkg(), k -> new ArrayList<>()).add(inc);
        }
        for (Term t : inc.terms()) {
            ensureKnown(t.pkg());
        }
    }

    /** On first mention of a package, adds the facts "these versions cannot be used on the target". */
    private void ensureKnown(String pkg) {
        if (pkg.equals(ROOT) || !known.add(pkg)) {
            return;
        }
        PackageVersions pv = versions(pkg);
        Map<Incompatibility.UnusableReason, BitSet> groups = new HashMap<>();
        for (int i = 0; i < pv.size(); i++) {
            Incompatibility.UnusableReason reason = pv.unusable(i);
            if (reason != null) {
                groups.computeIfAbsent(reason, r -> new BitSet()).set(i);
            }
        }
        groups.forEach((reason, bits) -> addIncompatibility(new Incompatibility(
                List.of(Term.positive(pkg, VersionSet.of(bits, pv.size()), null)),
                UnusableFacts.describe(reason, pv, bits, target, alternatives))));
        addConstraints(pkg, pv);
    }

    /**
     * pip's {@code -c}: the root forbids the versions a constraint on {@code pkg} leaves out. Added when the project is
     * first mentioned, not at the start: a constraint on a project that nothing requires costs nothing, not its index
     * page (a constraints file of hundreds of projects would be hundreds of page reads).
     */
    private void addConstraints(String pkg, PackageVersions pv) {
        for (Requirement c : constraints.getOrDefault(pkg, List.of())) {
            if (applies(c, "")) {
                VersionSet outside = pv.matching(c.specifier()).complement();
                if (!outside.isEmpty()) {
                    addIncompatibility(new Incompatibility(List.of(Term.positive(ROOT, VersionSet.full(1), ""),
                            Term.positive(pkg, outside, null)),
                            new Incompatibility.Constraint(c.specifier().toString())));
                }
            }
        }
    }

    private void propagate(String start) {
        Deque<String> changed = new ArrayDeque<>();
        changed.push(start);
        while (!changed.isEmpty()) {
            String pkg = changed.pop();
            List<Incompatibility> list = incompatibilities.getOrDefault(pkg, List.of());
            for (int i = list.size() - 1; i >= 0; i--) {
                Incompatibility inc = list.get(i);
                PartialSolution.Relation r = solution.relation(inc);
                if (r.satisfied()) {
                    Incompatibility rootCause = resolveConflict(inc);
                    Term t = solution.relation(rootCause).unsatisfied();
                    solution.derive(t.negate(), rootCause);
                    changed.clear();
                    changed.push(t.pkg());
                    break;
                }
                if (r.unsatisfied() != null) {
                    Term t = r.unsatisfied();
                    solution.derive(t.negate(), inc);
                    if (!changed.contains(t.pkg())) {
                        changed.push(t.pkg());
                    }
                }
            }
        }
    }

    private Incompatibility resolveConflict(Incompatibility inc) {
        boolean learned = false;
        while (true) {
            if (inc.isFailure(ROOT)) {
                throw new ResolutionImpossibleException(writer.explain(inc));
            }
            PartialSolution.Satisfier s = solution.satisfier(inc);
            PartialSolution.Assignment a = s.assignment();
            if (a.isDecision() || s.previousLevel() < a.level()) {
                solution.backtrack(s.previousLevel());
                if (learned) {
                    addIncompatibility(inc);
                }
                return inc;
            }
            inc = Incompatibility.priorCause(inc, a.cause(), a.term().pkg());
            learned = true;
        }
    }

    /** Picks the undecided package with the fewest remaining versions, decides its newest usable version. */
    private String decideNext() {
        String pick = null;
        int fewest = Integer.MAX_VALUE;
        for (String pkg : solution.undecided()) {
            int count = solution.current(pkg).set().listed().cardinality();
            if (count < fewest) {
                fewest = count;
                pick = pkg;
            }
        }
        if (pick == null) {
            return null;
        }
        Term term = solution.current(pick);
        int index = pick.equals(ROOT) ? 0 : preferredVersion(pick, term.set());
        if (index < 0) {
            addIncompatibility(new Incompatibility(List.of(term), new Incompatibility.NoVersions()));
            return pick;
        }
        List<Incompatibility> deps = dependencies(pick, index);
        boolean conflicts = false;
        for (Incompatibility dep : deps) {
            addIncompatibility(dep);
            for (Term t : dep.terms()) {
                if (!t.pkg().equals(pick)) {
                    Term have = solution.current(t.pkg());
                    conflicts |= have != null && have.subsetOf(t);
                }
            }
            conflicts |= dep.terms().size() == 1;
        }
        if (!conflicts) {
            solution.decide(pick, index);
        }
        return pick;
    }

    /**
     * Newest version in the set; pre-releases only when allowed or when no final release is in the set; a version
     * with a wheel before one that only has an sdist (pip's {@code --prefer-binary}).
     */
    private int preferredVersion(String pkg, VersionSet set) {
        PackageVersions pv = versions(pkg);
        int wheel = preferredVersion(pkg, pv, set, false);
        return wheel >= 0 ? wheel : preferredVersion(pkg, pv, set, true);
    }

    private int preferredVersion(String pkg, PackageVersions pv, VersionSet set, boolean sdist) {
        BitSet listed = set.listed();
        boolean pre = allowPrereleases || mentionsPrerelease.contains(baseName(pkg));
        int firstAny = -1;
        for (int i = listed.nextSetBit(0); i >= 0; i = listed.nextSetBit(i + 1)) {
            if (pv.unusable(i) != null || pv.fromSdist(i) != sdist) {
                continue;
            }
            if (pre || !pv.version(i).isPrerelease()) {
                return i;
            }
            if (firstAny < 0) {
                firstAny = i;
            }
        }
        return firstAny;
    }

    private List<Incompatibility> dependencies(String pkg, int index) {
        List<Incompatibility> out = new ArrayList<>();
        if (pkg.equals(ROOT)) {
            Term self = Term.positive(ROOT, VersionSet.full(1), "");
            for (Requirement r : requirements) {
                if (applies(r, "")) {
                    for (Term t : dependencyTerms(r)) {
                        out.add(new Incompatibility(List.of(self, t), new Incompatibility.Dependency()));
                    }
                }
            }
            return out;
        }
        PackageVersions pv = versions(pkg);
        String base = baseName(pkg);
        Version version = pv.version(index);
        Term self = Term.positive(pkg, VersionSet.single(index, pv.size()), "==" + version);
        Dependencies deps = metadata.computeIfAbsent(base + "==" + version, k -> source.metadata(base, version));
        if (deps.requiresPython() != null && !RequiresPython.allows(deps.requiresPython(), target)) {
            BitSet one = new BitSet();
            one.set(index);
            out.add(new Incompatibility(List.of(Term.positive(pkg, VersionSet.of(one, pv.size()), "==" + version)),
                    UnusableFacts.requiresPython(deps.requiresPython(), target)));
            return out;
        }
        String extra = pkg.equals(base) ? "" : pkg.substring(base.length() + 1, pkg.length() - 1);
        if (!extra.isEmpty()) {
            out.add(new Incompatibility(List.of(self,
                    Term.negative(base, VersionSet.single(index, pv.size()), "==" + version)),
                    new Incompatibility.Dependency()));
        }
        for (Requirement r : deps.requiresDist()) {
            if (!applies(r, extra) || (!extra.isEmpty() && applies(r, ""))) {
                continue;
            }
            for (Term t : dependencyTerms(r)) {
                if (!t.pkg().equals(pkg)) {
                    out.add(new Incompatibility(List.of(self, t), new Incompatibility.Dependency()));
                }
            }
        }
        return out;
    }

    private boolean applies(Requirement r, String extra) {
        Marker m = r.marker().orElse(null);
        if (m == null) {
            return extra.isEmpty();
        }
        Map<String, String> env = new HashMap<>(target.markers().asMap());
        env.put("extra", extra);
        try {
            return m.evaluate(env);
        } catch (RuntimeException e) {
            throw new UnsupportedRequirementException("the marker of '" + r + "' cannot be evaluated for "
                    + target + " (" + e.getMessage() + "); fix the requirement");
        }
    }

    /** The negative terms "not r" for the base package and each requested extra. */
    private List<Term> dependencyTerms(Requirement r) {
        if (r.url().isPresent()) {
            throw new UnsupportedRequirementException("'" + r + "' is a direct URL requirement, which the resolver "
                    + "does not support; require the package by name and version instead");
        }
        String base = r.normalizedName();
        if (Boolean.TRUE.equals(r.specifier().prereleases())) {
            mentionsPrerelease.add(base);
        }
        PackageVersions pv = versions(base);
        VersionSet set = pv.matching(r.specifier());
        String label = r.specifier().toString();
        List<Term> out = new ArrayList<>();
        out.add(Term.negative(base, set, label));
        for (String e : r.extras()) {
            out.add(Term.negative(base + "[" + ProjectName.canonicalize(e) + "]", set, label));
        }
        return out;
    }
}
