package dev.layerfit.cli;

import dev.layerfit.error.BadInputException;
import dev.layerfit.io.AtomicFileWriter;
import dev.layerfit.io.StandardOutput;
import dev.layerfit.layer.ContainerImageDockerfile;
import dev.layerfit.lock.Locker;
import dev.layerfit.pipeline.Pinner;
import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.requirements.InputFormat;
import dev.layerfit.python.requirements.LockedEntry;
import dev.layerfit.python.requirements.ReadRequirements;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsReader;
import dev.layerfit.python.requirements.RequirementsSource;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lock.Lock;
import dev.layerfit.lock.LockFit;
import dev.layerfit.lock.LockRequest;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.project.chalice.ChaliceRuntimeFiles;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.python.resolve.ResolveTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit dockerfile}: the container-image route for when 250 MiB cannot be met. */
@Command(name = "dockerfile",
        header = "Write a Lambda container-image Dockerfile (the route past 250 MiB).", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a Dockerfile for a Lambda container image of the project (AWS's base image for the",
            "runtime and architecture, a hashed pip install when the requirements carry hashes, the Chalice handler):",
            "the route when function + layers cannot fit under 262,144,000 bytes (images hold up to 10 GiB).",
            "Everything it installs is pinned. A lock made for another Python or platform is refused (--re-resolve",
            "resolves its pins for this target instead)."},
        footer = {"", "Examples:",
            "  layerfit resolve examples/inputs/requirements.txt --runtime python3.12 --arch arm64 -o requirements.lock",
            "  layerfit dockerfile --project examples/inputs --runtime python3.12 --arch arm64 requirements.lock -o Dockerfile"})
public final class DockerfileCommand implements Callable<Integer>, HasOptionGroups {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REQUIREMENTS",
            description = "The requirements file, pyproject.toml or lock to install (relative to the project folder); "
                    + "a lock's pins for the target, or a pyproject.toml's requirements, are written into the Dockerfile.")
    Path requirements;

    @Option(names = "--project", paramLabel = "DIR", description = "The project folder, the build context (default: .).")
    Path project = Path.of(".");

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
    Path output;

    @Option(names = "--extra", paramLabel = "NAME", description = "Include this extra of a pyproject.toml or lock (repeatable).")
    List<String> extras = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", description = "Include this dependency group of a pyproject.toml or lock (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--re-resolve", description = "Resolve the requirements (a lock: its pins) for --runtime/--arch and write "
            + "the hashed result into the Dockerfile, instead of refusing a lock made for another Python or platform.")
    boolean reResolve;

    @Option(names = "--chalice-version", paramLabel = "VERSION", description = "The Chalice release a Chalice app's image "
            + "installs (default: the version the project's requirements pin, else the newest layerfit knows).")
    String chaliceVersion;

    final TargetOptions targetOptions = new TargetOptions();

    final IndexFlags index = new IndexFlags();

    final CommonOptions common = new CommonOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What the image installs from the requirements: the file to copy, or text to inline, and which names it pins. */
    private record Install(String relative, String inline, boolean hashed, Set<String> names) {
    }

    @Override
    public Integer call() throws IOException {
        var target = targetOptions.target();
        Install install = requirements == null ? null : install(target);
        boolean chalice = Files.isRegularFile(project.resolve(".chalice/config.json"));
        ContainerImageDockerfile.ChalicePin pin = chalice && (install == null || !install.names().contains("chalice"))
                ? chalicePin() : null;
        String relative = install == null ? null : install.relative();
        String text = new ContainerImageDockerfile(target, relative, install != null && install.hashed(), chalice,
                install == null ? null : install.inline(), pin)
                .render("layerfit dockerfile " + targetOptions.describeFlags() + (relative == null ? "" : " " + relative)
                        + (reResolve ? " --re-resolve" : ""));
        if (output != null && !StandardOutput.is(output)) { // -o - is standard output, the default
            AtomicFileWriter.atomic().write(output, text);
            spec.commandLine().getOut().println("Wrote " + output);
        } else {
            spec.commandLine().getOut().print(text);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Install install(PythonTarget target) throws IOException {
        Path file = requirements.isAbsolute() ? requirements : project.resolve(requirements);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no such requirements file: " + file + "; check the path");
        }
        Path abs = file.toAbsolutePath().normalize();
        Path ctx = project.toAbsolutePath().normalize();
        String relative = abs.startsWith(ctx) ? ctx.relativize(abs).toString().replace('\\', '/') : file.getFileName().toString();
        RequirementsSource source = new RequirementsSource.File(file);
        RequirementsInput input = new RequirementsInput(List.of(source), List.of(), extras, groups, false);
        ResolveTarget resolveTarget = Pinner.resolveTarget(target);
        InputFormat format = RequirementsReader.formatOf(source);
        List<String> pins = new ArrayList<>();
        String mismatch = null;
        Install asIs;
        if (format == InputFormat.REQUIREMENTS_TXT) {
            RequirementsFile rf = RequirementsFile.read(file);
            boolean hashed = !rf.requirements().isEmpty() && rf.requirements().stream().allMatch(e -> !e.sha256Hashes().isEmpty());
            if (hashed) {
                rf.requirements().forEach(e -> pins.add(e.requirement().toString()));
            }
            mismatch = LockFit.headerMismatch(Files.readString(file), target).orElse(null);
            if (!abs.startsWith(ctx) && !reResolve) {
                throw new BadInputException(file + " is outside the build context " + project + "; copy it into the project folder");
            }
            asIs = new Install(relative, null, hashed, names(rf.requirements().stream().map(e -> e.requirement().name()).toList()));
        } else {
            ReadRequirements read = RequirementsReader.read(input, Locker.lockTarget(target, resolveTarget));
            StringBuilder text = new StringBuilder();
            List<String> names = new ArrayList<>();
            if (read.locked().isPresent()) {
                for (LockedEntry e : read.locked().get().packages()) {
                    text.append(e.name()).append("==").append(e.version());
                    e.hashes().forEach(h -> text.append(" --hash=sha256:").append(h));
                    text.append('\n');
                    pins.add(e.name() + "==" + e.version());
                    names.add(e.name());
                }
                List<String> unfit = LockFit.withoutWheelFor(read.locked().get(), resolveTarget);
                mismatch = unfit.isEmpty() ? null : "locked without wheels for it: " + String.join("; ", unfit);
            } else {
                read.requirements().forEach(e -> {
                    text.append(e.requirement()).append('\n');
                    names.add(e.requirement().name());
                });
            }
            asIs = new Install(relative, text.toString(), read.locked().isPresent(), names(names));
        }
        if (!reResolve) {
            if (mismatch != null) {
                throw new BadInputException(relative + " is " + mismatch + ", and the image runs " + target.describe()
                        + " (--runtime/--arch): its wheels would not install there; re-lock it with `layerfit resolve " + relative
                        + " " + targetOptions.describeFlags() + " -o requirements.lock`, or pass --re-resolve to resolve its pins for "
                        + "this target");
            }
            return asIs;
        }
        // a lock's exact pins, resolved again for this target; other requirements as they are
        RequirementsInput again = pins.isEmpty() ? input
                : new RequirementsInput(pins.stream().<RequirementsSource>map(RequirementsSource.Specifier::new).toList(), List.of(),
                        List.of(), List.of(), false);
        Lock lock = Locker.fromEnvironment(Locker.DEFAULT_THREADS).lock(new LockRequest(again, target, index.indexUrl,
                index.extraIndexUrls, index.findLinks, index.noIndex, index.pre));
        StringBuilder text = new StringBuilder();
        for (LockedPackage p : lock.packages()) {
            text.append(p.pin().name()).append("==").append(p.pin().version());
            p.hashes().forEach(h -> text.append(" --hash=sha256:").append(h));
            text.append('\n');
        }
        return new Install(relative, text.toString(), true, names(lock.packages().stream().map(p -> p.pin().name()).toList()));
    }

    private static Set<String> names(List<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(ProjectName.canonicalize(n)));
        return out;
    }

    /** The Chalice release to install: --chalice-version, else the project's pin, else the newest layerfit knows. */
    private ContainerImageDockerfile.ChalicePin chalicePin() {
        if (chaliceVersion != null) {
            return new ContainerImageDockerfile.ChalicePin(chaliceVersion, "from --chalice-version");
        }
        for (String name : List.of("requirements-dev.txt", "dev-requirements.txt", "requirements.txt")) {
            String pinned = ChaliceRuntimeFiles.pinnedVersion(project.resolve(name));
            if (pinned != null) {
                return new ContainerImageDockerfile.ChalicePin(pinned, "pinned in " + name);
            }
        }
        return new ContainerImageDockerfile.ChalicePin(ChaliceRuntimeFiles.NEWEST_KNOWN, "the newest release layerfit knows; "
                + "no requirements file of the project pins chalice (pin it there, or pass --chalice-version)");
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(targetOptions, index, common);
    }
}
