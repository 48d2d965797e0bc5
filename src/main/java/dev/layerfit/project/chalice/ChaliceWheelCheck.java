package dev.layerfit.project.chalice;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chalice's test of whether a wheel may go into a Lambda package, as {@code DependencyBuilder} in
 * {@code chalice/deploy/packager.py} makes it ({@code _is_compatible_wheel_filename},
 * {@code _is_compatible_platform_tag}, {@code _iter_all_compatibility_tags}): for any of the wheel's tag triples,
 * the platform is {@code any}, {@code linux_x86_64} or a manylinux tag whose glibc is at most Chalice's figure for
 * the ABI ({@code _RUNTIME_GLIBC}; legacy names mapped by {@code _MANYLINUX_LEGACY_MAP}), and the ABI is
 * {@code none}, the runtime's ABI, or {@code abi3} for a {@code cp3*} interpreter tag. Chalice does not look at a
 * manylinux tag's architecture, nor at the interpreter tag otherwise. What it does, not what it should do.
 */
public final class ChaliceWheelCheck {

    /** {@code _ADDITIONAL_COMPATIBLE_PLATFORM}. */
    private static final Set<String> ADDITIONAL_PLATFORMS = Set.of("any", "linux_x86_64");

    /** {@code _MANYLINUX_LEGACY_MAP}: only the x86_64 legacy names are mapped. */
    private static final Map<String, String> LEGACY = Map.of(
            "manylinux1_x86_64", "manylinux_2_5_x86_64",
            "manylinux2010_x86_64", "manylinux_2_12_x86_64",
            "manylinux2014_x86_64", "manylinux_2_17_x86_64");

    /**
     * {@code _RUNTIME_GLIBC} of Chalice 1.31-1.32 (cp38 and cp310-cp312 at glibc 2.26); any other ABI (cp39, cp313,
     * cp314) falls back to {@code _DEFAULT_GLIBC} (2, 17).
     */
    private static final Map<String, int[]> RUNTIME_GLIBC = Map.of(
            "cp38", new int[] {2, 26}, "cp310", new int[] {2, 26}, "cp311", new int[] {2, 26}, "cp312", new int[] {2, 26});
    private static final int[] DEFAULT_GLIBC = {2, 17};

    /** {@code _COMPATIBLE_PACKAGE_WHITELIST}: shipped even when their wheel fails the test. */
    static final Set<String> WHITELIST = Set.of("sqlalchemy", "pyyaml", "pyrsistent");

    private static final Pattern PERENNIAL = Pattern.compile("manylinux_([0-9]+)_([0-9]+)_(.*)");

    private ChaliceWheelCheck() {
    }

    /** The ABI Chalice derives from the runtime ({@code _RUNTIME_TO_ABI}): {@code python3.11} → {@code cp311}. */
    public static String abi(String pythonVersion) {
        return "cp" + pythonVersion.replace(".", "");
    }

    /** The glibc Chalice allows for an ABI, as "2.26". */
    public static String glibcFor(String abi) {
        int[] g = RUNTIME_GLIBC.getOrDefault(abi, DEFAULT_GLIBC);
        return g[0] + "." + g[1];
    }

    /** Whether Chalice accepts the wheel {@code filename} for {@code abi}. */
    public static boolean compatible(String abi, String filename) {
        String wheel = filename.endsWith(".whl") ? filename.substring(0, filename.length() - 4) : filename;
        String[] parts = wheel.split("-");
        if (parts.length < 5) {
            return false;
        }
        String[] impls = parts[parts.length - 3].split("\\.");
        String[] abis = parts[parts.length - 2].split("\\.");
        String[] platforms = parts[parts.length - 1].split("\\.");
        for (String impl : impls) {
            for (String a : abis) {
                for (String platform : platforms) {
                    if (!compatiblePlatform(abi, platform)) {
                        continue;
                    }
                    if (a.equals("none") || a.equals(abi) || (impl.startsWith("cp3") && a.equals("abi3"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean compatiblePlatform(String abi, String platform) {
        if (ADDITIONAL_PLATFORMS.contains(platform)) {
            return true;
        }
        if (!platform.startsWith("manylinux")) {
            return false;
        }
        Matcher m = PERENNIAL.matcher(LEGACY.getOrDefault(platform, platform));
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int[] runtime = RUNTIME_GLIBC.getOrDefault(abi, DEFAULT_GLIBC);
        return major < runtime[0] || (major == runtime[0] && minor <= runtime[1]);
    }

    /**
     * The glibc a wheel's manylinux platform tags need at the least ("2.28"), ignoring architecture, or null when it
     * has none.
     */
    static String minimumGlibc(List<String> platforms) {
        int[] best = null;
        for (String p : platforms) {
            Matcher m = PERENNIAL.matcher(LEGACY.getOrDefault(p, p.toLowerCase(Locale.ROOT)));
            if (m.matches()) {
                int[] g = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
                if (best == null || g[0] < best[0] || (g[0] == best[0] && g[1] < best[1])) {
                    best = g;
                }
            }
        }
        return best == null ? null : best[0] + "." + best[1];
    }
}
