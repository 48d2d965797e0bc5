package dev.layerfit.python.resolve;

import dev.layerfit.python.pep508.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves Python requirements for one target with PubGrub, choosing what pip would choose: the newest
 * version that has a wheel for the target, honours {@code Requires-Python} (file and metadata), skips yanked
 * files unless pinned with {@code ==}/{@code ===} in the requirements or constraints, and takes a pre-release
 * only when allowed ({@code --pre}, a specifier naming a pre-release, or no final release left). A version with
 * only an sdist is chosen only when the source {@linkplain PackageSource#buildsSdists builds sdists} and no version
 * with a wheel fits. When no solution exists it throws {@link ResolutionImpossibleException} whose message names every
 * top-level requirement that cannot be satisfied on its own, each with its derivation, and what remains in conflict
 * between the others; versions without a wheel for the target name the {@link AlternativeTarget}s their wheels fit.
 *
 * <pre>{@code
 * Resolution r = new Resolver(source, ResolveTarget.of("3.12", "x86_64", 2, 34))
 *         .resolve(List.of(Requirement.parse("requests>=2")), List.of());
 * }</pre>
 */
public final class Resolver {

    private final PackageSource source;
    private final ResolveTarget target;
    private final boolean allowPrereleases;
    private final java.util.function.Supplier<List<AlternativeTarget>> alternatives;

    /** A resolver that takes pre-releases only when a specifier asks for one or nothing else is left. */
    public Resolver(PackageSource source, ResolveTarget target) {
        this(source, target, false);
    }

    /** {@code allowPrereleases} is pip's {@code --pre}. */
    public Resolver(PackageSource source, ResolveTarget target, boolean allowPrereleases) {
        this(source, target, allowPrereleases, List.of());
    }

    /** {@code alternatives}: the other targets named when a version's wheels fit only those. */
    public Resolver(PackageSource source, ResolveTarget target, boolean allowPrereleases, List<AlternativeTarget> alternatives) {
        this(source, target, allowPrereleases, () -> alternatives);
    }

    /** The same, the alternatives made only when a resolution fails (their tag sets are not free to build). */
    public Resolver(PackageSource source, ResolveTarget target, boolean allowPrereleases,
                    java.util.function.Supplier<List<AlternativeTarget>> alternatives) {
        this.source = source;
        this.target = target;
        this.allowPrereleases = allowPrereleases;
        this.alternatives = alternatives;
    }

    /**
     * Resolves {@code requirements}; {@code constraints} (pip's {@code -c}) restrict versions of packages that
     * end up installed without requiring them.
     *
     * @throws ResolutionImpossibleException when no set of versions satisfies everything (exit code 1)
     * @throws UnsupportedRequirementException for direct URL requirements or markers that cannot be evaluated
     */
    public Resolution resolve(List<Requirement> requirements, List<Requirement> constraints) {
        PubGrubSolver solver = new PubGrubSolver(source, target, allowPrereleases, requirements, constraints, List.of());
        Map<String, Integer> chosen;
        try {
            chosen = solver.solve();
        } catch (ResolutionImpossibleException e) {
            // the failure path: solve again, naming the other targets where wheels would fit, and each blocker
            throw everyBlocker(requirements, constraints, List.copyOf(alternatives.get()));
        }
        List<PinnedPackage> pins = new ArrayList<>();
        chosen.forEach((name, index) -> {
            PackageVersions pv = solver.versions(name);
            DistributionFile f = pv.chosenFile(index);
            pins.add(new PinnedPackage(name, pv.version(index), f.filename(), f.url(), f.sha256()));
        });
        pins.sort((a, b) -> a.name().compareTo(b.name())); // not Comparator.comparing (docs/architecture.md, Start-up)
        return new Resolution(pins);
    }

    /**
     * Solves each top-level requirement on its own (with the constraints) to name every one that cannot be met
     * whatever the others say, then the rest together: a failure there is a conflict between them.
     */
    private ResolutionImpossibleException everyBlocker(List<Requirement> requirements, List<Requirement> constraints,
                                                       List<AlternativeTarget> alternatives) {
        ResolutionImpossibleException whole;
        try {
            new PubGrubSolver(source, target, allowPrereleases, requirements, constraints, alternatives).solve();
            throw new IllegalStateException("a failed resolution succeeded when repeated");
        } catch (ResolutionImpossibleException e) {
            whole = e;
        }
        if (requirements.size() < 2) {
            return whole;
        }
        Map<Requirement, String> alone = new LinkedHashMap<>();
        List<Requirement> rest = new ArrayList<>();
        for (Requirement r : requirements) {
            try {
                new PubGrubSolver(source, target, allowPrereleases, List.of(r), constraints, alternatives).solve();
                rest.add(r);
            } catch (ResolutionImpossibleException e) {
                alone.put(r, e.getMessage());
            }
        }
        if (alone.isEmpty()) {
            return whole;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(alone.size() == 1 ? "1 requirement" : alone.size() + " requirements").append(" of ").append(requirements.size())
                .append(" cannot be satisfied on ").append(target).append(", whatever the others need:");
        int n = 0;
        for (Map.Entry<Requirement, String> e : alone.entrySet()) {
            sb.append("\n").append(++n).append(". ").append(e.getKey()).append(":\n   ")
                    .append(e.getValue().replace("\n", "\n   "));
        }
        if (rest.size() > 1) {
            try {
                new PubGrubSolver(source, target, allowPrereleases, rest, constraints, alternatives).solve();
            } catch (ResolutionImpossibleException e) {
                sb.append("\nThe other requirements also conflict with one another:\n   ")
                        .append(e.getMessage().replace("\n", "\n   "));
            }
        }
        return new ResolutionImpossibleException(sb.toString());
    }
}
