package dev.layerfit.lambda;

/**
 * What a Python layer is built for: a runtime and an architecture. A wheel-tag module reads the Python version,
 * glibc version and machine from here.
 */
public record PythonTarget(PythonRuntime runtime, Architecture arch) {

    public PythonTarget {
        if (runtime == null || arch == null) {
            throw new IllegalArgumentException("runtime and arch are required");
        }
    }

    /** From the CLI flags: {@code --runtime}, or {@code --python-version} with {@code --glibc}; arch defaults to x86_64. */
    public static PythonTarget of(String runtimeName, String pythonVersion, String glibcVersion, String arch) {
        boolean custom = pythonVersion != null || glibcVersion != null;
        if (runtimeName != null && custom) {
            throw new UnknownTargetException("give either --runtime or --python-version with --glibc, not both");
        }
        PythonRuntime runtime;
        if (runtimeName != null) {
            runtime = PythonRuntime.forName(runtimeName);
        } else if (pythonVersion != null && glibcVersion != null) {
            runtime = PythonRuntime.custom(pythonVersion, glibcVersion);
        } else if (custom) {
            throw new UnknownTargetException("a custom target needs both --python-version X.Y and --glibc A.B");
        } else {
            throw new UnknownTargetException("no target given; use --runtime python3.12 (or --python-version X.Y --glibc A.B)");
        }
        return new PythonTarget(runtime, arch == null ? Architecture.X86_64 : Architecture.parse(arch));
    }

    public int pythonMajor() {
        return runtime.pythonMajor();
    }

    public int pythonMinor() {
        return runtime.pythonMinor();
    }

    public int glibcMajor() {
        return runtime.glibcMajor();
    }

    public int glibcMinor() {
        return runtime.glibcMinor();
    }

    /** {@code python3.12 (Amazon Linux 2023, glibc 2.34) on arm64}. */
    public String describe() {
        return runtime.describe() + " on " + arch.lambdaName();
    }
}
