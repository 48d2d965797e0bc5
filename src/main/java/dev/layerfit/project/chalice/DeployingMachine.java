package dev.layerfit.project.chalice;

import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The machine {@code chalice deploy} / {@code chalice package} runs on. Chalice's first step is
 * {@code pip download -r requirements.txt} there (packager.py {@code PipRunner.download_all_dependencies}), so the
 * versions it ships are the ones pip picks for that machine's Python, platform and glibc; Chalice then builds for the
 * Lambda runtime matching that Python ({@code Config.lambda_python_version}).
 *
 * @param pythonVersion  "3.11"
 * @param glibc          "2.36", or null when the machine is not glibc Linux
 * @param machine        "x86_64" or "aarch64"
 * @param chaliceVersion the Chalice installed for that Python, or null (unknown, or a machine described by flags)
 * @param chaliceFiles   that Chalice's {@code chalice/app.py} and {@code chalice/__init__.py}, or empty
 * @param description    how it was found, for notes ("python3 on PATH: Python 3.11.2, glibc 2.36, x86_64")
 */
public record DeployingMachine(String pythonVersion, String glibc, String machine, String chaliceVersion,
        List<Path> chaliceFiles, String description) {

    private static final Pattern MAJOR_MINOR = Pattern.compile("3\\.[0-9]{1,2}");

    /**
     * CI machines by name, for {@code --deploy-machine}: the {@code python3} and glibc of GitHub's hosted runner
     * images (Ubuntu 24.04: Python 3.12, glibc 2.39; Ubuntu 22.04: Python 3.10, glibc 2.35; per the Ubuntu package
     * archive for noble/jammy).
     */
    static final Map<String, DeployingMachine> PRESETS = Map.of(
            "ubuntu-24.04", new DeployingMachine("3.12", "2.39", "x86_64", null, List.of(), "GitHub's ubuntu-24.04 runner (Python 3.12, glibc 2.39, x86_64)"),
            "ubuntu-24.04-arm", new DeployingMachine("3.12", "2.39", "aarch64", null, List.of(), "GitHub's ubuntu-24.04-arm runner (Python 3.12, glibc 2.39, aarch64)"),
            "ubuntu-22.04", new DeployingMachine("3.10", "2.35", "x86_64", null, List.of(), "GitHub's ubuntu-22.04 runner (Python 3.10, glibc 2.35, x86_64)"),
            "ubuntu-22.04-arm", new DeployingMachine("3.10", "2.35", "aarch64", null, List.of(), "GitHub's ubuntu-22.04-arm runner (Python 3.10, glibc 2.35, aarch64)"));

    public DeployingMachine {
        chaliceFiles = List.copyOf(chaliceFiles);
    }

    /** "cp311": the interpreter tag pip uses on that machine. */
    public String interpreterTag() {
        return "cp" + pythonVersion.replace(".", "");
    }

    /**
     * The machine from flags: a preset name ({@code --deploy-machine}), or a Python version with a glibc
     * ({@code --deploy-python}, {@code --deploy-glibc}, {@code --deploy-arch}); empty when no flag is given.
     */
    public static Optional<DeployingMachine> fromFlags(String preset, String python, String glibc, String arch) {
        if (preset != null) {
            if (python != null || glibc != null || arch != null) {
                throw new BadInputException("give either --deploy-machine or --deploy-python/--deploy-glibc/--deploy-arch, not both");
            }
            DeployingMachine m = PRESETS.get(preset.toLowerCase(Locale.ROOT));
            if (m == null) {
                throw new BadInputException("unknown --deploy-machine '" + preset + "'; use one of "
                        + String.join(", ", new java.util.TreeSet<>(PRESETS.keySet()))
                        + ", or --deploy-python X.Y --deploy-glibc A.B");
            }
            return Optional.of(m);
        }
        if (python == null && glibc == null && arch == null) {
            return Optional.empty();
        }
        if (python == null || !MAJOR_MINOR.matcher(python).matches()) {
            throw new BadInputException("--deploy-python must be the deploying machine's Python as 3.Y (e.g. 3.12), not '" + python + "'");
        }
        if (glibc == null || !glibc.matches("2\\.[0-9]{1,2}")) {
            throw new BadInputException("--deploy-glibc must be the deploying machine's glibc as 2.N (e.g. 2.39), not '" + glibc + "'");
        }
        String machine = arch == null ? "x86_64" : switch (arch.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> throw new BadInputException("--deploy-arch must be x86_64 or arm64, not '" + arch + "'");
        };
        return Optional.of(new DeployingMachine(python, glibc, machine, null, List.of(),
                "the machine given by flags (Python " + python + ", glibc " + glibc + ", " + machine + ")"));
    }

    /** Asks the {@code python3} on PATH what it is; empty when there is none or it does not answer in 20 s. */
    public static Optional<DeployingMachine> detect() {
        return detect("python3");
    }

    static final String PROBE = String.join("\n",
            "import sys, platform",
            "lib, ver = platform.libc_ver()",
            "print('%d.%d' % sys.version_info[:2])",
            "print(platform.python_version())",
            "print(ver if lib == 'glibc' and sys.platform.startswith('linux') else '')",
            "print(platform.machine())",
            "try:",
            "    import chalice, chalice.app",
            "    print(chalice.__version__)",
            "    print(chalice.app.__file__)",
            "    print(chalice.__file__)",
            "except Exception:",
            "    print('')");

    static Optional<DeployingMachine> detect(String python) {
        Process p;
        try {
            p = new ProcessBuilder(python, "-c", PROBE).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            if (p.exitValue() != 0 || lines.length < 4 || !MAJOR_MINOR.matcher(lines[0].trim()).matches()) {
                return Optional.empty();
            }
            String glibc = lines[2].trim();
            String[] g = glibc.split("\\.");
            glibc = g.length >= 2 ? g[0] + "." + g[1] : null;
            String machine = lines[3].trim().toLowerCase(Locale.ROOT);
            machine = machine.equals("arm64") ? "aarch64" : machine.equals("amd64") ? "x86_64" : machine;
            String chalice = lines.length > 4 && !lines[4].isBlank() ? lines[4].trim() : null;
            List<Path> files = chalice != null && lines.length > 6 ? List.of(Path.of(lines[5].trim()), Path.of(lines[6].trim())) : List.of();
            String desc = "the python3 on PATH (Python " + lines[1].trim() + (glibc == null ? ", not glibc Linux" : ", glibc " + glibc)
                    + ", " + machine + (chalice == null ? "" : ", Chalice " + chalice) + ")";
            return Optional.of(new DeployingMachine(lines[0].trim(), glibc, machine, chalice, files, desc));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
