package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.MarkerEnvironment;
import dev.layerfit.python.tags.TargetTags;

/**
 * The one interpreter a resolution is for: CPython X.Y.Z on glibc Linux of one architecture. Gives the wheel
 * tags it accepts (from X.Y), its marker environment and the Python version that {@code Requires-Python} is
 * checked against (X.Y.Z, as pip does on a real interpreter; X.Y.0 when only X.Y is given, as pip does for
 * {@code --python-version X.Y}).
 */
public final class ResolveTarget {

    private final String python;
    private final String arch;
    private final int glibcMajor;
    private final int glibcMinor;
    private final TargetTags tags;
    private final MarkerEnvironment markers;
    private final Version pythonFullVersion;

    private ResolveTarget(String pythonVersion, String arch, int glibcMajor, int glibcMinor) {
        String[] parts = pythonVersion.split("\\.");
        String python = parts.length >= 2 ? parts[0] + "." + parts[1] : pythonVersion;
        this.python = python;
        this.arch = arch.equals("arm64") ? "aarch64" : arch;
        this.glibcMajor = glibcMajor;
        this.glibcMinor = glibcMinor;
        this.tags = TargetTags.forTarget(python, this.arch, glibcMajor, glibcMinor);
        this.markers = MarkerEnvironment.forTarget(pythonVersion, this.arch);
        this.pythonFullVersion = Version.parse(markers.asMap().get("python_full_version"));
    }

    /** CPython {@code python} ("3.12.12", or "3.12" for 3.12.0) on Linux {@code arch} ("x86_64", "aarch64" or "arm64") with glibc A.B. */
    public static ResolveTarget of(String python, String arch, int glibcMajor, int glibcMinor) {
        return new ResolveTarget(python, arch, glibcMajor, glibcMinor);
    }

    /** "3.12". */
    public String python() {
        return python;
    }

    /** "x86_64" or "aarch64". */
    public String arch() {
        return arch;
    }

    public int glibcMinor() {
        return glibcMinor;
    }

    public TargetTags tags() {
        return tags;
    }

    public MarkerEnvironment markers() {
        return markers;
    }

    /** The version {@code Requires-Python} and {@code python_full_version} are evaluated against: X.Y.Z. */
    public Version pythonFullVersion() {
        return pythonFullVersion;
    }

    /** E.g. "python3.11 (glibc 2.26, x86_64)". */
    @Override
    public String toString() {
        return "python" + python + " (glibc " + glibcMajor + "." + glibcMinor + ", " + arch + ")";
    }
}
