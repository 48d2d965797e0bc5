package dev.layerfit.cli;

import dev.layerfit.error.BadInputException;
import dev.layerfit.io.AtomicFileWriter;
import dev.layerfit.layer.ContainerImageDockerfile;
import dev.layerfit.lock.LockTarget;
import dev.layerfit.python.pep508.RequirementsFile;
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
        footer = {"", "Examples:", "  layerfit resolve requirements.txt --runtime python3.12 -o requirements.lock",
            "  layerfit dockerfile --runtime python3.12 --arch arm64 requirements.lock -o Dockerfile"})
public final class DockerfileCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REQUIREMENTS",
            description = "The requirements or lock file to install (relative to the project folder).")
    Path requirements;

    @Option(names = "--project", paramLabel = "DIR", description = "The project folder, the build context (default: .).")
    Path project = Path.of(".");

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
    Path output;

    @Option(names = "--chalice-version", paramLabel = "VERSION",
            description = "For a Chalice app whose requirements do not pin chalice: the chalice version to install.")
    String chaliceVersion;

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
        boolean pinsChalice = false;
        if (requirements != null) {
            Path file = requirements.isAbsolute() ? requirements : project.resolve(requirements);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("no such requirements file: " + file + "; check the path");
            }
            RequirementsFile rf = RequirementsFile.read(file);
            hashed = !rf.requirements().isEmpty()
                    && rf.requirements().stream().allMatch(e -> !e.sha256Hashes().isEmpty());
            pinsChalice = rf.requirements().stream().anyMatch(e -> e.requirement().normalizedName().equals("chalice")
                    && e.requirement().specifier().toString().matches("===?[^,*]+"));
            LockTarget locked = LockTarget.read(Files.readString(file)).orElse(null);
            if (locked != null && !locked.installsOn(target)) {
                throw new BadInputException(requirements + " was locked for " + locked.described() + ", but the image is for "
                        + target.describe() + ": its wheels may not install there. Lock the requirements for this target: "
                        + "layerfit resolve REQUIREMENTS " + targetOptions.describeFlags() + " -o " + requirements);
            }
            Path abs = file.toAbsolutePath().normalize();
            Path ctx = project.toAbsolutePath().normalize();
            if (!abs.startsWith(ctx)) {
                throw new BadInputException(file + " is outside the build context " + project
                        + "; copy it into the project folder");
            }
            relative = ctx.relativize(abs).toString().replace('\\', '/');
        }
        boolean chalice = Files.isRegularFile(project.resolve(".chalice/config.json"));
        if (chalice && !pinsChalice && chaliceVersion == null) {
            throw new BadInputException("a Chalice app's image needs the chalice package, and "
                    + (relative == null ? "no requirements were given" : relative + " does not pin it")
                    + ": add chalice==VERSION (the version you deploy with) to the requirements and lock them, "
                    + "or pass --chalice-version VERSION");
        }
        if (chaliceVersion != null && !chaliceVersion.matches("[0-9][0-9A-Za-z.+!-]*")) {
            throw new BadInputException("--chalice-version '" + chaliceVersion + "' is not a version; give one like 1.31.2");
        }
        String text = new ContainerImageDockerfile(target, relative, hashed, chalice, chalice && !pinsChalice ? chaliceVersion : null)
                .render("layerfit dockerfile " + targetOptions.describeFlags() + (relative == null ? "" : " " + relative));
        if (output != null) {
            AtomicFileWriter.atomic().write(output, text);
            spec.commandLine().getOut().println("Wrote " + output);
        } else {
            spec.commandLine().getOut().print(text);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

}
