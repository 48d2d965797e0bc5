package dev.layerfit.python.resolve;

import dev.layerfit.python.pep508.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Resolves Python requirements for one target with PubGrub, choosing what pip would choose: the newest
 * version that has a wheel for the target, honours {@code Requires-Python} (file and metadata), skips yanked
 * files unless pinned with {@code ==}/{@code ===} in the requirements or constraints, and takes a pre-release
 * only when allowed ({@code --pre}, a specifier naming a pre-release, or no final release left). Sdists are
 * never built. When no solution exists it throws {@link ResolutionImpossibleException} whose message explains
 * why.
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

    /** A resolver that takes pre-releases only when a specifier asks for one or nothing else is left. */
    public Resolver(PackageSource source, ResolveTarget target) {
        this(source, target, false);
    }

    /** {@code allowPrereleases} is pip's {@code --pre}. */
    public Resolver(PackageSource source, ResolveTarget target, boolean allowPrereleases) {
        this.source = source;
        this.target = target;
        this.allowPrereleases = allowPrereleases;
    }

    /**
     * Resolves {@code requirements}; {@code constraints} (pip's {@code -c}) restrict versions of packages that
     * end up installed without requiring them.
     *
     * @throws ResolutionImpossibleException when no set of versions satisfies everything (exit code 1)
     * @throws UnsupportedRequirementException for direct URL requirements or markers that cannot be evaluated
     */
    public Resolution resolve(List<Requirement> requirements, List<Requirement> constraints) {
        PubGrubSolver solver = new PubGrubSolver(source, target, allowPrereleases, requirements, constraints);
        Map<String, Integer> chosen = solver.solve();
        List<PinnedPackage> pins = new ArrayList<>();
        chosen.forEach((name, index) -> {
            PackageVersions pv = solver.versions(name);
            DistributionFile f = pv.chosenFile(index);
            pins.add(new PinnedPackage(name, pv.version(index), f.filename(), f.url(), f.sha256()));
        });
        pins.sort(Comparator.comparing(PinnedPackage::name));
        return new Resolution(pins);
    }
}
