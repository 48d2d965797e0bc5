package dev.layerfit.cli;

import dev.layerfit.lambda.PythonTarget;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The Lambda target: a runtime name, or a Python and glibc version for custom runtimes and images; the architecture
 * (an {@link OptionGroup}).
 */
public final class TargetOptions implements OptionGroup {

    String runtime;
    String pythonVersion;
    String glibc;
    String arch;

    @Override
    public CommandSpec mixin(CommandSpec command) {
        CommandSpec mixin = OptionSpecs.mixin();
        mixin.addOption(OptionSpecs.value(String.class, "NAME", "A Lambda runtime, e.g. python3.12.", v -> runtime = v, "--runtime"));
        mixin.addOption(OptionSpecs.value(String.class, "X.Y[.Z]",
                "A custom target's Python version, e.g. 3.11.7 (with --glibc); X.Y means X.Y.0, as for pip.",
                v -> pythonVersion = v, "--python-version"));
        mixin.addOption(OptionSpecs.value(String.class, "A.B", "A custom target's glibc version (with --python-version).",
                v -> glibc = v, "--glibc"));
        mixin.addOption(OptionSpecs.value(String.class, "ARCH", "x86_64 (default) or arm64.", v -> arch = v, "--arch"));
        return mixin;
    }

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
