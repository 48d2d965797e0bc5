package dev.layerfit.cli;

import dev.layerfit.lambda.PythonTarget;
import picocli.CommandLine.Option;

/** The Lambda target: a runtime name, or a Python and glibc version for custom runtimes and images; the architecture. */
public final class TargetOptions {

    @Option(names = "--runtime", paramLabel = "NAME", description = "A Lambda runtime, e.g. python3.12.")
    String runtime;

    @Option(names = "--python-version", paramLabel = "X.Y[.Z]",
            description = "A custom target's Python version, e.g. 3.11.7 (with --glibc); X.Y means X.Y.0, as for pip.")
    String pythonVersion;

    @Option(names = "--glibc", paramLabel = "A.B", description = "A custom target's glibc version (with --python-version).")
    String glibc;

    @Option(names = "--arch", paramLabel = "ARCH", description = "x86_64 (default) or arm64.")
    String arch;

    /** The target these options name; a clear error when they are missing or contradict each other. */
    public PythonTarget target() {
        return PythonTarget.of(runtime, pythonVersion, glibc, arch);
    }

    /** The options as a user would type them (for headers of generated files). */
    public String describeFlags() {
        StringBuilder sb = new StringBuilder();
        if (runtime != null) {
            sb.append("--runtime ").append(runtime);
        } else {
            sb.append("--python-version ").append(pythonVersion).append(" --glibc ").append(glibc);
        }
        if (arch != null) {
            sb.append(" --arch ").append(arch);
        }
        return sb.toString();
    }
}
