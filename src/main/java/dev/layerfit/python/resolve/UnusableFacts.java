package dev.layerfit.python.resolve;

import dev.layerfit.python.tags.Tag;
import dev.layerfit.python.tags.WheelFilename;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for the facts "these versions cannot be used on the target": which tags the files carry, which
 * glibc they need, and what to pin instead.
 */
final class UnusableFacts {

    private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
    private static final Map<String, Integer> LEGACY = Map.of("manylinux2014", 17, "manylinux2010", 12, "manylinux1", 5);
    private static final int SHOWN = 4;

    private UnusableFacts() {
    }

    static Incompatibility.Unusable describe(Incompatibility.UnusableReason reason, PackageVersions pv, BitSet bits,
                                             ResolveTarget target, List<AlternativeTarget> alternatives) {
        int newest = bits.nextSetBit(0);
        Candidate c = pv.candidate(newest);
        String who = pv.name() + " " + c.version();
        switch (reason) {
            case NO_USABLE_WHEEL:
                return new Incompatibility.Unusable(reason, "has no wheel for " + target + " (" + who + " ships "
                        + filesSummary(c, target) + ")",
                        elsewhere(who, c, alternatives, pinHint(pv, newest, neededGlibc(c, target))));
            case REQUIRES_PYTHON:
                String rp = c.files().stream().filter(f -> f.requiresPython() != null).map(DistributionFile::requiresPython)
                        .findFirst().orElse("?");
                return new Incompatibility.Unusable(reason, "requires Python " + rp + " (" + who
                        + "), but the target is python" + target.python(), elsewhere(who, c, alternatives, pinHint(pv, newest, -1)));
            default:
                return new Incompatibility.Unusable(reason, "is yanked (PEP 592: only an exact == pin in the "
                        + "requirements may select a yanked version)", null);
        }
    }

    static Incompatibility.Unusable requiresPython(String requiresPython, ResolveTarget target) {
        return new Incompatibility.Unusable(Incompatibility.UnusableReason.REQUIRES_PYTHON,
                "requires Python " + requiresPython + ", but the target is python" + target.python(), null);
    }

    /**
     * "pandas 2.3.3 has wheels for python3.11 and python3.13 only: use one of them, or pin pandas<2.3.3 (...)": the
     * alternative targets some wheel of the version fits (tags and Requires-Python), a runtime named alone when its
     * wheels fit every architecture, else with the architecture; {@code otherwise} when none fits.
     */
    private static String elsewhere(String who, Candidate c, List<AlternativeTarget> alternatives, String otherwise) {
        Map<String, Set<String>> fits = new LinkedHashMap<>();
        Set<String> archs = new TreeSet<>();
        for (AlternativeTarget alt : alternatives) {
            archs.add(alt.arch());
            boolean fit = c.files().stream().anyMatch(f -> !f.yanked() && f.wheel().isPresent()
                    && alt.target().tags().priority(f.wheel().get()).isPresent()
                    && (f.requiresPython() == null || RequiresPython.allows(f.requiresPython(), alt.target())));
            if (fit) {
                fits.computeIfAbsent(alt.runtime(), k -> new TreeSet<>()).add(alt.arch());
            }
        }
        if (fits.isEmpty()) {
            return otherwise;
        }
        List<String> names = new ArrayList<>();
        fits.forEach((runtime, on) -> names.add(on.equals(archs) ? runtime : runtime + " on " + String.join(" or ", on)));
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        String use = names.size() == 1 ? "use " + names.get(0) : "use one of them";
        return who + " has wheels for " + list + " only: " + use + (otherwise == null ? "" : ", or " + otherwise);
    }

    /** "only manylinux_2_28_x86_64 wheels and an sdist (sdists are not built)". */
    private static String filesSummary(Candidate c, ResolveTarget target) {
        TreeSet<String> platforms = new TreeSet<>();
        TreeSet<String> pythons = new TreeSet<>();
        boolean platformFits = false;
        boolean sdist = false;
        for (DistributionFile f : c.files()) {
            WheelFilename w = f.wheel().orElse(null);
            if (w == null) {
                sdist = true;
                continue;
            }
            for (Tag t : w.tags()) {
                boolean fits = t.platform().equals("any") || target.tags().platforms().contains(t.platform());
                platformFits |= fits;
                if (fits) {
                    pythons.add(t.interpreter() + "-" + t.abi());
                }
                if (t.platform().endsWith(target.arch()) || t.platform().equals("any")) {
                    platforms.add(t.platform());
                }
            }
            if (platforms.isEmpty()) {
                w.tags().forEach(t -> platforms.add(t.platform()));
            }
        }
        String wheels = platformFits ? "only " + shortList(pythons) + " wheels" : platforms.isEmpty() ? "no wheels"
                : "only " + shortList(platforms) + " wheels";
        if (platforms.isEmpty() && !platformFits) {
            return sdist ? "only an sdist, and no local python3 (3.11 or newer) to build it; layerfit dockerfile builds it in "
                    + "the runtime's image" : "no files";
        }
        return sdist ? wheels + " and an sdist, which needs a local python3 (3.11 or newer) to build" : wheels;
    }

    private static String shortList(TreeSet<String> items) {
        if (items.size() <= SHOWN) {
            return String.join(", ", items);
        }
        return String.join(", ", items.stream().limit(SHOWN).toList()) + " and " + (items.size() - SHOWN) + " more";
    }

    /** The lowest glibc minor above the target's that a wheel for this interpreter needs, or -1. */
    private static int neededGlibc(Candidate c, ResolveTarget target) {
        int best = Integer.MAX_VALUE;
        for (DistributionFile f : c.files()) {
            WheelFilename w = f.wheel().orElse(null);
            if (w == null) {
                continue;
            }
            for (Tag t : w.tags()) {
                int minor = glibcMinor(t.platform(), target.arch());
                OptionalInt p = target.tags().priority(new Tag(t.interpreter(), t.abi(), "linux_" + target.arch()));
                if (minor > target.glibcMinor() && p.isPresent()) {
                    best = Math.min(best, minor);
                }
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    private static int glibcMinor(String platform, String arch) {
        Matcher m = MANYLINUX.matcher(platform);
        if (m.matches() && m.group(3).equals(arch) && m.group(1).equals("2")) {
            return Integer.parseInt(m.group(2));
        }
        for (Map.Entry<String, Integer> e : LEGACY.entrySet()) {
            if (platform.equals(e.getKey() + "_" + arch)) {
                return e.getValue();
            }
        }
        return -1;
    }

    /** "pin numpy<2.3.0 (2.2.6 has a usable wheel) or use a target with glibc 2.28 or newer". */
    private static String pinHint(PackageVersions pv, int newestUnusable, int glibc) {
        String pin = null;
        for (int i = newestUnusable + 1; i < pv.size(); i++) {
            if (pv.unusable(i) == null) {
                pin = "pin " + pv.name() + "<" + pv.version(i - 1) + " (" + pv.version(i) + " has a usable wheel)";
                break;
            }
        }
        String glibcHint = glibc < 0 ? null : "use a target with glibc 2." + glibc + " or newer";
        if (pin == null) {
            return glibcHint;
        }
        return glibcHint == null ? pin : pin + " or " + glibcHint;
    }
}
