package dev.layerfit.cli;

import dev.layerfit.error.BadInputException;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * pip's way of naming requirements, for every command that takes them: files and specifiers as arguments
 * ({@code layerfit resolve "requests>=2.31" -r base.txt}), {@code -r FILE} (repeatable), {@code -c FILE}, {@code -}
 * for standard input, and a project's {@code --extra} / {@code --group} selections.
 *
 * <p>An argument is a file when it exists or looks like one (a path separator, or a name ending in {@code .txt},
 * {@code .in}, {@code .toml}, {@code .lock} or {@code .json}, so a missing file is reported as missing); otherwise it
 * is a requirement specifier. An {@link OptionGroup}.
 */
public final class RequirementsArguments implements OptionGroup {

    private static final Pattern FILE_LIKE = Pattern.compile("(?i).*(/|\\\\|\\.txt|\\.in|\\.toml|\\.lock|\\.json)$|.*[/\\\\].*");

    List<String> arguments = new ArrayList<>();
    List<String> requirementFiles = new ArrayList<>();
    List<Path> constraintFiles = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    boolean withProject;

    @Override
    public CommandSpec mixin(CommandSpec command) {
        CommandSpec mixin = OptionSpecs.mixin();
        mixin.addPositional(OptionSpecs.strings("0..*", "REQUIREMENTS",
                "Requirements files, pyproject.toml, a lock (uv.lock, poetry.lock, Pipfile.lock, pylock.toml), "
                        + "requirement specifiers, or - for standard input.", v -> arguments = v));
        mixin.addOption(OptionSpecs.values(String.class, "FILE",
                "A requirements file, pyproject.toml or lock (repeatable; - is standard input).", v -> requirementFiles = v,
                "-r", "--requirement"));
        mixin.addOption(OptionSpecs.values(Path.class, "FILE", "Constrain versions with this file (repeatable).",
                v -> constraintFiles = v, "-c", "--constraint"));
        mixin.addOption(OptionSpecs.values(String.class, "NAME",
                "Include this optional-dependency extra of a pyproject.toml or lock (repeatable).", v -> extras = v, "--extra"));
        mixin.addOption(OptionSpecs.values(String.class, "NAME",
                "Include this dependency group (PEP 735) of a pyproject.toml or lock (repeatable).", v -> groups = v, "--group"));
        mixin.addOption(OptionSpecs.flag("Also install the pyproject.toml's project itself (built as a pure wheel).",
                v -> withProject = v, "--with-project"));
        return mixin;
    }

    /** The sources as given, standard input read from {@code stdin} (once, whichever of - and -r - names it). */
    public RequirementsInput input(InputStream stdin) {
        List<RequirementsSource> sources = new ArrayList<>();
        String[] stdinText = new String[1];
        for (String a : arguments) {
            sources.add(source(a, stdin, stdinText, false));
        }
        for (String r : requirementFiles) {
            sources.add(source(r, stdin, stdinText, true));
        }
        if (sources.isEmpty()) {
            throw new BadInputException("no requirements given: name a requirements file, a pyproject.toml or a lock, use -r FILE, "
                    + "or give requirement specifiers such as \"requests>=2.31\"");
        }
        return new RequirementsInput(sources, constraintFiles, extras, groups, withProject);
    }

    /** The input for the current process's standard input. */
    public RequirementsInput input() {
        return input(System.in);
    }

    /** The arguments as given, for a lock file's header. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        arguments.forEach(a -> parts.add(quote(a)));
        requirementFiles.forEach(r -> parts.add("-r " + quote(r)));
        constraintFiles.forEach(c -> parts.add("-c " + c));
        extras.forEach(e -> parts.add("--extra " + e));
        groups.forEach(g -> parts.add("--group " + g));
        if (withProject) {
            parts.add("--with-project");
        }
        return String.join(" ", parts);
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static RequirementsSource source(String arg, InputStream stdin, String[] stdinText, boolean file) {
        if (arg.equals("-")) {
            if (stdinText[0] == null) {
                try {
                    stdinText[0] = dev.layerfit.io.InputFiles.decode(dev.layerfit.io.InputFiles.readStdin(stdin, dev.layerfit.io.InputFiles.TEXT_CAP));
                } catch (IOException e) {
                    throw new BadInputException("standard input could not be read (" + e.getMessage() + ")", e);
                }
            } else {
                throw new BadInputException("- (standard input) is named twice; name it once");
            }
            return new RequirementsSource.Stdin(stdinText[0]);
        }
        Path path = Path.of(arg);
        if (file || Files.exists(path) || FILE_LIKE.matcher(arg).matches()) {
            return new RequirementsSource.File(path);
        }
        return new RequirementsSource.Specifier(arg);
    }
}
