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
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit dockerfile}: the container-image route for when 250 MiB cannot be met. */
@Command(name = "dockerfile",
        header = "Write a Lambda container-image Dockerfile (the route past 250 MiB).", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a Dockerfile for a Lambda container image of the project (AWS's base image for the",
            "runtime and architecture, a hashed pip install when the requirements carry hashes, the Chalice handler):",
            "the route when function + layers cannot fit under 262,144,000 bytes (images hold up to 10 GiB)."},
        footer = {"", "Examples:",
            "  layerfit resolve examples/inputs/requirements.txt --runtime python3.12 --arch arm64 -o requirements.lock",
            "  layerfit dockerfile --project examples/inputs --runtime python3.12 --arch arm64 requirements.lock -o Dockerfile"})
public final class DockerfileCommand implements Callable<Integer> {

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

    @Mixin
    TargetOptions targetOptions;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var target = targetOptions.target();
        String relative = null;
        boolean hashed = false;
        String inline = null;
        if (requirements != null) {
            Path file = requirements.isAbsolute() ? requirements : project.resolve(requirements);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("no such requirements file: " + file + "; check the path");
            }
            InputFormat format = RequirementsReader.formatOf(new RequirementsSource.File(file));
            if (format == InputFormat.REQUIREMENTS_TXT) {
                RequirementsFile rf = RequirementsFile.read(file);
                hashed = !rf.requirements().isEmpty()
                        && rf.requirements().stream().allMatch(e -> !e.sha256Hashes().isEmpty());
            } else {
                ReadRequirements read = RequirementsReader.read(new RequirementsInput(List.of(new RequirementsSource.File(file)),
                        List.of(), extras, groups, false), Locker.lockTarget(target, Pinner.resolveTarget(target)));
                StringBuilder text = new StringBuilder();
                if (read.locked().isPresent()) {
                    for (LockedEntry e : read.locked().get().packages()) {
                        text.append(e.name()).append("==").append(e.version());
                        e.hashes().forEach(h -> text.append(" --hash=sha256:").append(h));
                        text.append('\n');
                    }
                    hashed = true;
                } else {
                    read.requirements().forEach(e -> text.append(e.requirement()).append('\n'));
                }
                inline = text.toString();
            }
            Path abs = file.toAbsolutePath().normalize();
            Path ctx = project.toAbsolutePath().normalize();
            if (inline == null && !abs.startsWith(ctx)) {
                throw new BadInputException(file + " is outside the build context " + project
                        + "; copy it into the project folder");
            }
            relative = abs.startsWith(ctx) ? ctx.relativize(abs).toString().replace('\\', '/') : file.getFileName().toString();
        }
        boolean chalice = Files.isRegularFile(project.resolve(".chalice/config.json"));
        String text = new ContainerImageDockerfile(target, relative, hashed, chalice, inline)
                .render("layerfit dockerfile " + targetOptions.describeFlags() + (relative == null ? "" : " " + relative));
        if (output != null && !StandardOutput.is(output)) { // -o - is standard output, the default
            AtomicFileWriter.atomic().write(output, text);
            spec.commandLine().getOut().println("Wrote " + output);
        } else {
            spec.commandLine().getOut().print(text);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

}
