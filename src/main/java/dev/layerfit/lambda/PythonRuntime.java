package dev.layerfit.lambda;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Python runtime a layer is built for: a managed Lambda runtime ({@code python3.12}) or a custom target
 * (a Python version plus a glibc version, for container images and custom runtimes).
 *
 * <p>Managed runtimes per lambda-facts.md: python3.10 and 3.11 run on Amazon Linux 2 (glibc 2.26),
 * python3.12 to 3.14 on Amazon Linux 2023 (glibc 2.34).
 *
 * <p>The full Python version of a managed runtime ({@code python_full_version}, {@code implementation_version}):
 * AWS does not publish the patch release; it applies CPython's security and bug-fix releases to managed runtimes
 * automatically ("Runtime version updates", docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html), so a runtime
 * runs the newest patch release of its series. The values below are the newest CPython release of each series on
 * python.org as of 2025-10-14 (3.10.19, 3.11.14 and 3.12.12 of 2025-10-09, 3.13.9 of 2025-10-14, 3.14.0 of
 * 2025-10-07). Markers that name a patch release (redis: {@code python_full_version < '3.11.3'}) all test
 * thresholds far below these, so a later patch release changes no resolution; update the values when one does.
 *
 * @param name the Lambda runtime name, or {@code custom} for a custom target
 * @param os the operating system the runtime runs on ("Amazon Linux 2", "Amazon Linux 2023", or "custom")
 * @param pythonMicro the patch release ({@code 14} in 3.11.14); for a custom target given as X.Y, 0 as pip
 *                    takes {@code --python-version 3.11} to mean 3.11.0
 */
public record PythonRuntime(String name, String os, int pythonMajor, int pythonMinor, int pythonMicro, int glibcMajor,
                            int glibcMinor) {

    public static final String AMAZON_LINUX_2 = "Amazon Linux 2";
    public static final String AMAZON_LINUX_2023 = "Amazon Linux 2023";
    public static final String CUSTOM = "custom";

    /** The managed Python runtimes layerfit knows, oldest first. */
    public static final List<PythonRuntime> MANAGED = List.of(
            new PythonRuntime("python3.10", AMAZON_LINUX_2, 3, 10, 19, 2, 26),
            new PythonRuntime("python3.11", AMAZON_LINUX_2, 3, 11, 14, 2, 26),
            new PythonRuntime("python3.12", AMAZON_LINUX_2023, 3, 12, 12, 2, 34),
            new PythonRuntime("python3.13", AMAZON_LINUX_2023, 3, 13, 9, 2, 34),
            new PythonRuntime("python3.14", AMAZON_LINUX_2023, 3, 14, 0, 2, 34));

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern PYTHON_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** The managed runtime with this Lambda name ({@code python3.12}); an unknown name lists the valid ones. */
    public static PythonRuntime forName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PythonRuntime r : MANAGED) {
            if (r.name.equals(n)) {
                return r;
            }
        }
        throw new UnknownTargetException("unknown Lambda runtime '" + name + "'; use one of "
                + MANAGED.stream().map(PythonRuntime::name).collect(Collectors.joining(", "))
                + ", or --python-version X.Y --glibc A.B for a container image or custom runtime");
    }

    /**
     * A custom target (container image, custom runtime) from a Python version {@code X.Y} or {@code X.Y.Z} and a
     * glibc version {@code A.B}, as given to {@code --python-version} and {@code --glibc}. {@code X.Y} means X.Y.0, as
     * for pip's {@code --python-version}.
     */
    public static PythonRuntime custom(String pythonVersion, String glibcVersion) {
        int[] py = parseVersion(PYTHON_VERSION, pythonVersion, "Python version", "MAJOR.MINOR or MAJOR.MINOR.MICRO", "3.12.7");
        int[] glibc = parseVersion(VERSION, glibcVersion, "glibc version", "MAJOR.MINOR", "2.34");
        if (py[0] != 3) {
            throw new UnknownTargetException("Python version '" + pythonVersion + "' is not Python 3; give it as 3.Y");
        }
        return new PythonRuntime(CUSTOM, CUSTOM, py[0], py[1], py[2], glibc[0], glibc[1]);
    }

    private static int[] parseVersion(Pattern pattern, String text, String what, String form, String example) {
        Matcher m = pattern.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new UnknownTargetException("cannot read " + what + " '" + text + "'; give it as " + form + ", e.g. " + example);
        }
        try {
            int[] out = new int[m.groupCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
            }
            return out;
        } catch (NumberFormatException e) {
            throw new UnknownTargetException(what + " '" + text + "' has too large a number; give it as " + form + ", e.g. " + example);
        }
    }

    /** True for a target made by {@link #custom}, false for a managed Lambda runtime. */
    public boolean isCustom() {
        return CUSTOM.equals(name);
    }

    /** {@code "3.12"}. */
    public String pythonVersion() {
        return pythonMajor + "." + pythonMinor;
    }

    /** {@code "3.12.12"}: the interpreter's {@code platform.python_version()}, for {@code python_full_version}. */
    public String pythonFullVersion() {
        return pythonMajor + "." + pythonMinor + "." + pythonMicro;
    }

    /** {@code "2.34"}. */
    public String glibcVersion() {
        return glibcMajor + "." + glibcMinor;
    }

    /** The site-packages folder inside a layer zip: {@code python/lib/python3.12/site-packages}. */
    public String layerSitePackages() {
        return "python/lib/python" + pythonVersion() + "/site-packages";
    }

    /**
     * The folders of a layer zip that this runtime puts on {@code sys.path} (they end up under {@code /opt}):
     * {@code python} and {@code python/lib/python3.X/site-packages}.
     */
    public List<String> layerSearchPaths() {
        return List.of("python", layerSitePackages());
    }

    /** {@code python3.12 (Amazon Linux 2023, glibc 2.34)} or {@code custom (Python 3.12, glibc 2.28)}. */
    public String describe() {
        return isCustom() ? "custom (Python " + (pythonMicro == 0 ? pythonVersion() : pythonFullVersion()) + ", glibc "
                + glibcVersion() + ")"
                : name + " (" + os + ", glibc " + glibcVersion() + ")";
    }
}
