package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.tags.WheelFilename;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The known versions of one project, newest first, with the wheel the target would use for each (or why
 * none is usable: no compatible wheel, {@code data-requires-python}, or yanked and not pinned).
 */
final class PackageVersions {

    private final String name;
    private final List<Candidate> candidates;
    private final DistributionFile[] chosen;
    private final Incompatibility.UnusableReason[] unusable;
    private final boolean[] fromSdist;
    private final Map<String, BitSet> specifierCache = new HashMap<>();

    PackageVersions(String name, List<Candidate> listed, ResolveTarget target, List<SpecifierSet> yankPins) {
        this(name, listed, target, yankPins, false);
    }

    /** {@code sdists}: a version with no usable wheel but a usable sdist is usable, its sdist chosen. */
    PackageVersions(String name, List<Candidate> listed, ResolveTarget target, List<SpecifierSet> yankPins, boolean sdists) {
        this.name = name;
        Map<Version, List<DistributionFile>> merged = new LinkedHashMap<>();
        for (Candidate c : listed) {
            merged.computeIfAbsent(c.version(), v -> new ArrayList<>()).addAll(c.files());
        }
        List<Candidate> sorted = new ArrayList<>();
        merged.forEach((v, files) -> sorted.add(new Candidate(v, files)));
        sorted.sort((a, b) -> b.version().compareTo(a.version())); // not Comparator.comparing (docs/architecture.md, Start-up)
        this.candidates = List.copyOf(sorted);
        this.chosen = new DistributionFile[sorted.size()];
        this.unusable = new Incompatibility.UnusableReason[sorted.size()];
        this.fromSdist = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            classify(i, target, yankPins);
            if (sdists && chosen[i] == null) {
                chooseSdist(i, target, yankPins);
            }
        }
    }

    private void classify(int i, ResolveTarget target, List<SpecifierSet> yankPins) {
        Candidate c = candidates.get(i);
        boolean yankAllowed = yankPins.stream().anyMatch(s -> s.contains(c.version().toString(), Boolean.TRUE));
        boolean anyTagMatch = false;
        boolean anyPythonMatch = false;
        int best = Integer.MAX_VALUE;
        for (DistributionFile f : c.files()) {
            WheelFilename wheel = f.wheel().orElse(null);
            if (wheel == null) {
                continue;
            }
            OptionalInt priority = target.tags().priority(wheel);
            if (priority.isEmpty()) {
                continue;
            }
            anyTagMatch = true;
            if (f.requiresPython() != null && !RequiresPython.allows(f.requiresPython(), target)) {
                continue;
            }
            anyPythonMatch = true;
            if (f.yanked() && !yankAllowed) {
                continue;
            }
            if (priority.getAsInt() < best) {
                best = priority.getAsInt();
                chosen[i] = f;
            }
        }
        if (chosen[i] == null) {
            unusable[i] = !anyTagMatch ? Incompatibility.UnusableReason.NO_USABLE_WHEEL
                    : !anyPythonMatch ? Incompatibility.UnusableReason.REQUIRES_PYTHON
                    : Incompatibility.UnusableReason.YANKED;
        }
    }

    /** An sdist whose Requires-Python holds and that is not yanked (unless pinned); its reason cleared. */
    private void chooseSdist(int i, ResolveTarget target, List<SpecifierSet> yankPins) {
        Candidate c = candidates.get(i);
        boolean yankAllowed = yankPins.stream().anyMatch(s -> s.contains(c.version().toString(), Boolean.TRUE));
        for (DistributionFile f : c.files()) {
            if ((f.filename().endsWith(".tar.gz") || f.filename().endsWith(".zip"))
                    && (f.requiresPython() == null || RequiresPython.allows(f.requiresPython(), target))
                    && (!f.yanked() || yankAllowed)) {
                chosen[i] = f;
                unusable[i] = null;
                fromSdist[i] = true;
                return;
            }
        }
    }

    /** Whether a usable version's chosen file is an sdist (to be built). */
    boolean fromSdist(int index) {
        return fromSdist[index];
    }

    String name() {
        return name;
    }

    int size() {
        return candidates.size();
    }

    Candidate candidate(int index) {
        return candidates.get(index);
    }

    Version version(int index) {
        return candidates.get(index).version();
    }

    /** The wheel the target would install for a usable version, or null. */
    DistributionFile chosenFile(int index) {
        return chosen[index];
    }

    /** Why a version cannot be used, or null when it can. */
    Incompatibility.UnusableReason unusable(int index) {
        return unusable[index];
    }

    /** The versions a specifier allows (pre-releases compared, not filtered), plus the "unlisted" bit. */
    VersionSet matching(SpecifierSet specifier) {
        BitSet bits = specifierCache.computeIfAbsent(specifier.toString(), k -> {
            BitSet b = new BitSet(size() + 1);
            for (int i = 0; i < size(); i++) {
                if (specifier.contains(version(i), true)) {
                    b.set(i);
                }
            }
            b.set(size());
            return b;
        });
        return VersionSet.of(bits, size());
    }
}
