package dev.layerfit.python.pep508;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The PEP 508 marker variables of a target interpreter. {@link #forTarget} gives an AWS Lambda Python
 * runtime (CPython X.Y.Z on Amazon Linux): values that cannot be known ahead of time (kernel release and
 * version) are empty strings.
 */
public final class MarkerEnvironment {

    private static final Pattern PYTHON = Pattern.compile("([0-9]+\\.[0-9]+)(\\.[0-9]+)?");

    private final Map<String, String> values;

    private MarkerEnvironment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The environment of CPython {@code python} ("3.12.12", or "3.12" for 3.12.0) on Linux {@code arch}
     * ("x86_64" or "aarch64"; "arm64" is accepted as aarch64): {@code python_full_version} and
     * {@code implementation_version} are the full version, {@code python_version} its X.Y.
     */
    public static MarkerEnvironment forTarget(String python, String arch) {
        java.util.regex.Matcher pm = PYTHON.matcher(python);
        if (!pm.matches()) {
            throw new IllegalArgumentException("python version must look like 3.12 or 3.12.7, got '" + python + "'");
        }
        String pythonMajorMinor = pm.group(1);
        String full = pm.group(2) == null ? pythonMajorMinor + ".0" : python;
        String machine = arch.equals("arm64") ? "aarch64" : arch;
        if (!machine.equals("x86_64") && !machine.equals("aarch64")) {
            throw new IllegalArgumentException("architecture must be x86_64 or aarch64, got '" + arch + "'");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("implementation_name", "cpython");
        v.put("implementation_version", full);
        v.put("os_name", "posix");
        v.put("platform_machine", machine);
        v.put("platform_release", "");
        v.put("platform_system", "Linux");
        v.put("platform_version", "");
        v.put("python_full_version", full);
        v.put("platform_python_implementation", "CPython");
        v.put("python_version", pythonMajorMinor);
        v.put("sys_platform", "linux");
        return new MarkerEnvironment(v);
    }

    /** An environment from explicit values. */
    public static MarkerEnvironment of(Map<String, String> values) {
        return new MarkerEnvironment(values);
    }

    /** The variables and their values (unmodifiable). */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
