package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.lambda.UnknownTargetException;

/**
 * Which Lambda Python Chalice deploys for. Chalice has no setting for it: {@code Config.lambda_python_version}
 * (chalice/config.py) maps the Python Chalice runs on to the closest runtime it supports — older than 3.9 to
 * python3.9, 3.9-3.13 to the same version, newer to python3.13 (Chalice 1.32; the runtime is then used for the
 * managed layer's {@code python/lib/pythonX.Y/site-packages} folder and the wheel ABI, {@code _RUNTIME_TO_ABI}).
 *
 * @param runtime the runtime
 * @param why     how it was chosen, for the report ("--runtime", "the python3 on PATH (Python 3.11.2, ...)")
 */
public record ChalicePython(PythonRuntime runtime, String why) {

    /** The runtime when nothing says which: python3.12. */
    public static final String FALLBACK = "python3.12";

    /** Chalice's mapping of an interpreter version to the runtime name. */
    public static String lambdaPythonVersion(String pythonVersion) {
        String[] p = pythonVersion.split("\\.");
        int major = Integer.parseInt(p[0]);
        int minor = Integer.parseInt(p[1]);
        if (major < 3 || (major == 3 && minor < 9)) {
            return "python3.9";
        }
        if (major == 3 && minor <= 13) {
            return "python3." + minor;
        }
        return "python3.13";
    }

    /**
     * {@code --runtime} when given; else the deploying machine's Python mapped as Chalice maps it; else
     * {@value #FALLBACK}, said in {@code why}.
     */
    public static ChalicePython choose(String runtimeFlag, DeployingMachine machine) {
        return choose(runtimeFlag == null ? null : PythonRuntime.forName(runtimeFlag), machine);
    }

    /** The same with the runtime already parsed ({@code --runtime}, or a custom {@code --python-version/--glibc}). */
    public static ChalicePython choose(PythonRuntime given, DeployingMachine machine) {
        if (given != null) {
            return new ChalicePython(given, given.isCustom() ? "--python-version " + given.pythonVersion() + " --glibc "
                    + given.glibcVersion() : "--runtime " + given.name());
        }
        if (machine != null) {
            String name = lambdaPythonVersion(machine.pythonVersion());
            try {
                return new ChalicePython(PythonRuntime.forName(name), "Chalice deploys " + name + " from "
                        + machine.description() + " (Config.lambda_python_version)");
            } catch (UnknownTargetException e) {
                throw new BadInputException("Chalice would deploy " + name + " from " + machine.description()
                        + ", a runtime layerfit does not model; pass --runtime python3.X for the runtime you deploy");
            }
        }
        return new ChalicePython(PythonRuntime.forName(FALLBACK), "no python3 on PATH and no --runtime, so layerfit assumed "
                + FALLBACK + "; pass --runtime (or --deploy-machine) for the Python your deploy runs");
    }
}
