package dev.layerfit.python.tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The tags a CPython X.Y interpreter on glibc Linux accepts, most preferred first, exactly as packaging
 * 26.2 computes them: {@code cpython_tags(python_version=(3, Y), abis=["cp3Y"], platforms)} followed by
 * {@code compatible_tags(python_version=(3, Y), interpreter="cp3Y", platforms)}, with platforms
 * {@code manylinux_2_<glibc minor>} down to {@code manylinux_2_17} (aarch64) or {@code manylinux_2_5}
 * (x86_64), legacy aliases after 2_17, 2_12 and 2_5, then {@code linux_<arch>}.
 */
public final class TargetTags {

    private static final Pattern MAJOR_MINOR = Pattern.compile("([0-9]+)\\.([0-9]+)");
    private static final Map<Integer, String> LEGACY_MANYLINUX = Map.of(17, "manylinux2014", 12, "manylinux2010", 5, "manylinux1");

    private final List<String> platforms;
    private final List<Tag> tags;
    private final Map<Tag, Integer> index = new HashMap<>();

    private TargetTags(List<String> platforms, List<Tag> tags) {
        this.platforms = List.copyOf(platforms);
        this.tags = List.copyOf(tags);
        for (int i = tags.size() - 1; i >= 0; i--) {
            index.put(tags.get(i), i);
        }
    }

    /**
     * Tags for CPython {@code python} ("3.12") on Linux {@code arch} ("x86_64" or "aarch64"; "arm64" accepted)
     * with glibc {@code glibcMajor.glibcMinor} (2.x only).
     */
    public static TargetTags forTarget(String python, String arch, int glibcMajor, int glibcMinor) {
        var m = MAJOR_MINOR.matcher(python);
        if (!m.matches()) {
            throw new IllegalArgumentException("python version must look like 3.12, got '" + python + "'");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        String machine = arch.equals("arm64") ? "aarch64" : arch;
        int oldestGlibcMinor;
        if (machine.equals("x86_64")) {
            oldestGlibcMinor = 5;
        } else if (machine.equals("aarch64")) {
            oldestGlibcMinor = 17;
        } else {
            throw new IllegalArgumentException("architecture must be x86_64 or aarch64, got '" + arch + "'");
        }
        if (glibcMajor != 2) {
            throw new IllegalArgumentException("only glibc 2.x is supported, got " + glibcMajor + "." + glibcMinor);
        }
        List<String> platforms = new ArrayList<>();
        for (int g = glibcMinor; g >= oldestGlibcMinor; g--) {
            platforms.add("manylinux_2_" + g + "_" + machine);
            String legacy = LEGACY_MANYLINUX.get(g);
            if (legacy != null) {
                platforms.add(legacy + "_" + machine);
            }
        }
        platforms.add("linux_" + machine);
        return new TargetTags(platforms, tags(major, minor, platforms));
    }

    private static List<Tag> tags(int major, int minor, List<String> platforms) {
        List<Tag> out = new ArrayList<>();
        String interpreter = "cp" + major + minor;
        // cpython_tags
        for (String p : platforms) {
            out.add(new Tag(interpreter, interpreter, p));
        }
        boolean abi3 = major > 3 || (major == 3 && minor >= 2);
        if (abi3) {
            for (String p : platforms) {
                out.add(new Tag(interpreter, "abi3", p));
            }
        }
        for (String p : platforms) {
            out.add(new Tag(interpreter, "none", p));
        }
        if (abi3) {
            for (int older = minor - 1; older > 1; older--) {
                for (String p : platforms) {
                    out.add(new Tag("cp" + major + older, "abi3", p));
                }
            }
        }
        // compatible_tags
        List<String> pythons = new ArrayList<>();
        pythons.add("py" + major + minor);
        pythons.add("py" + major);
        for (int older = minor - 1; older >= 0; older--) {
            pythons.add("py" + major + older);
        }
        for (String py : pythons) {
            for (String p : platforms) {
                out.add(new Tag(py, "none", p));
            }
        }
        out.add(new Tag(interpreter, "none", "any"));
        for (String py : pythons) {
            out.add(new Tag(py, "none", "any"));
        }
        return out;
    }

    /** The platform tags, most specific first. */
    public List<String> platforms() {
        return platforms;
    }

    /** All supported tags, most preferred first. */
    public List<Tag> tags() {
        return Collections.unmodifiableList(tags);
    }

    /** The preference index of a tag (0 = best), or empty when the target does not support it. */
    public OptionalInt priority(Tag tag) {
        Integer i = index.get(tag);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The best (smallest) index among the wheel's tags, or empty when the wheel cannot be installed. */
    public OptionalInt priority(WheelFilename wheel) {
        int best = Integer.MAX_VALUE;
        for (Tag t : wheel.tags()) {
            Integer i = index.get(t);
            if (i != null && i < best) {
                best = i;
            }
        }
        return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** Whether any of the wheel's tags is supported. */
    public boolean isCompatible(WheelFilename wheel) {
        return priority(wheel).isPresent();
    }
}
