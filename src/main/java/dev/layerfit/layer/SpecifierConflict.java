package dev.layerfit.layer;

import dev.layerfit.python.pep440.Specifier;
import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep440.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides, without an index, whether several specifier sets can be met by one version.
 *
 * <p>The versions a set of PEP 440 clauses allows form intervals whose ends are the versions the clauses
 * name (and the upper ends of {@code ~=} and {@code .*} clauses). So if any version satisfies them all, one
 * of these does: a named version, a version just above one ({@code V.0.0.0.0.1}: above V, below any other
 * version of practical length), one below every named version, or one above them all. Pre-releases are
 * allowed while probing: a pre-release that satisfies the clauses is a real, if unusual, answer.
 */
final class SpecifierConflict {

    private SpecifierConflict() {
    }

    /** A version every set allows, or empty when they conflict. */
    static Optional<Version> witness(List<SpecifierSet> sets) {
        for (Version candidate : probes(sets)) {
            boolean all = true;
            for (SpecifierSet s : sets) {
                if (!s.contains(candidate.toString(), true)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Version> probes(List<SpecifierSet> sets) {
        TreeSet<Version> named = new TreeSet<>();
        for (SpecifierSet s : sets) {
            for (Specifier spec : s.specifiers()) {
                String v = spec.version().endsWith(".*") ? spec.version().substring(0, spec.version().length() - 2)
                        : spec.version();
                Version.tryParse(v).ifPresent(version -> {
                    named.add(version);
                    named.add(bumped(version.withoutLocal()));
                });
            }
        }
        List<Version> probes = new ArrayList<>();
        probes.add(Version.parse("0.dev0"));
        for (Version v : named) {
            probes.add(v);
            probes.add(Version.parse(v.baseVersion() + ".0.0.0.0.1"));
        }
        BigInteger top = named.isEmpty() ? BigInteger.ONE : named.last().release().get(0).add(BigInteger.ONE);
        probes.add(Version.parse(top.toString()));
        return probes;
    }

    /** The next release at the last-but-one segment: the upper end of {@code ~=V} and {@code ==V.*}. */
    private static Version bumped(Version v) {
        List<BigInteger> release = v.release();
        int i = Math.max(0, release.size() - 2);
        StringBuilder sb = new StringBuilder();
        if (!v.epoch().equals(BigInteger.ZERO)) {
            sb.append(v.epoch()).append('!');
        }
        for (int k = 0; k < i; k++) {
            sb.append(release.get(k)).append('.');
        }
        sb.append(release.get(i).add(BigInteger.ONE));
        return Version.parse(sb.toString());
    }
}
