package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import dev.layerfit.python.pep440.Specifier;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.InvalidRequirementException;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a {@link RequirementsInput} into what the resolver and the builders take: requirements to resolve (pip
 * requirements files, {@code pyproject.toml}, specifiers, standard input) or a lock to take as it is ({@code uv.lock},
 * {@code poetry.lock}, {@code Pipfile.lock}, {@code pylock.toml}, or a pip requirements file whose every line is
 * {@code name==version} with {@code --hash} and no marker). Formats are told apart by {@link InputFormat}.
 *
 * <p>A lock stands alone: mixed with other requirements, or with {@code -c}, it is refused, since its versions are
 * already chosen. {@code --extra} and {@code --group} apply to {@code pyproject.toml} and locks.
 */
public final class RequirementsReader {

    /** How specifiers given as arguments are named in messages. */
    public static final Path COMMAND_LINE = Path.of("(command line)");

    private final Map<String, String> environment;

    private RequirementsReader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Reads {@code input} for {@code target} (a lock's markers are evaluated for it). */
    public static ReadRequirements read(RequirementsInput input, LockTarget target) {
        return new RequirementsReader(System.getenv()).readAll(input, target);
    }

    /** The pip requirements files among the sources (read for their index options only; nothing else is checked). */
    public static List<RequirementsFile> requirementsFiles(RequirementsInput input) {
        RequirementsReader reader = new RequirementsReader(System.getenv());
        List<RequirementsFile> out = new ArrayList<>();
        for (RequirementsSource source : input.sources()) {
            if (source instanceof RequirementsSource.Specifier) {
                continue;
            }
            Loaded loaded = reader.load(source);
            if (loaded.format() == InputFormat.REQUIREMENTS_TXT) {
                out.add(reader.requirementsFile(source, loaded.text()));
            }
        }
        return out;
    }

    /**
     * What the sources declare, with pip's constraints, for {@code merge}, which needs no target.
     *
     * @param requirements the requirements in command-line order
     * @param constraints  pip's constraints: the {@code -c} files' requirements and those the files include
     * @param files        the pip requirements files read (their index options carry over), {@code -c} files included
     */
    public record Declared(List<RequirementsFileEntry> requirements, List<RequirementsFileEntry> constraints,
                           List<RequirementsFile> files) {
    }

    /**
     * The requirements pip requirements files, {@code pyproject.toml}s, specifiers and standard input declare, and
     * the {@code -c} constraints (for {@code merge}, which needs no target). A lock is refused: its pins hold for the
     * targets it was locked for; so is {@code --with-project}: merging builds nothing.
     */
    public static Declared declared(RequirementsInput input) {
        if (input.withProject()) {
            throw new BadInputException("merge writes the requirements the files declare and builds nothing, so --with-project "
                    + "does not apply; leave it out (build or resolve take it)");
        }
        RequirementsReader reader = new RequirementsReader(System.getenv());
        List<RequirementsFileEntry> requirements = new ArrayList<>();
        List<RequirementsFileEntry> constraints = new ArrayList<>();
        List<RequirementsFile> files = new ArrayList<>();
        boolean selectable = false;
        int specifiers = 0;
        for (RequirementsSource source : input.sources()) {
            if (source instanceof RequirementsSource.Specifier sp) {
                requirements.add(specifier(sp.text(), ++specifiers));
                continue;
            }
            Loaded loaded = reader.load(source);
            switch (loaded.format()) {
                case REQUIREMENTS_TXT -> {
                    RequirementsFile rf = reader.requirementsFile(source, loaded.text());
                    requirements.addAll(rf.requirements());
                    constraints.addAll(rf.constraints());
                    files.add(rf);
                }
                case PYPROJECT -> {
                    selectable = true;
                    Path label = source instanceof RequirementsSource.File f ? f.path() : Path.of(source.label());
                    requirements.addAll(PyprojectReader.read(loaded.text(), label, input.extras(), input.groups()));
                }
                default -> throw new BadInputException(source.label() + " is a " + loaded.format().displayName() + ", whose pins hold "
                        + "for the targets it was locked for; merge the requirements or pyproject.toml it was made from instead");
            }
        }
        if ((!input.extras().isEmpty() || !input.groups().isEmpty()) && !selectable) {
            throw new BadInputException("--extra and --group select from a pyproject.toml, and none was given; drop them "
                    + "or name the pyproject.toml");
        }
        for (Path c : input.constraintFiles()) {
            RequirementsSource source = new RequirementsSource.File(c);
            RequirementsFile rf = reader.requirementsFile(source, reader.load(source).text());
            constraints.addAll(rf.requirements());
            constraints.addAll(rf.constraints());
            files.add(rf);
        }
        return new Declared(requirements, constraints, files);
    }

    /** The format of each source, for commands that treat them differently (e.g. {@code dockerfile}). */
    public static InputFormat formatOf(RequirementsSource source) {
        if (source instanceof RequirementsSource.Specifier) {
            return InputFormat.REQUIREMENTS_TXT;
        }
        return new RequirementsReader(System.getenv()).load(source).format();
    }

    private record Loaded(InputFormat format, String text) {
    }

    private ReadRequirements readAll(RequirementsInput input, LockTarget target) {
        // no sources is no requirements: a build of only a project's own files or vendor/ (the CLI refuses an empty
        // command line itself, in RequirementsArguments)
        List<RequirementsFileEntry> requirements = new ArrayList<>();
        List<RequirementsFileEntry> constraints = new ArrayList<>();
        List<RequirementsFile> files = new ArrayList<>();
        LockedSet lock = null;
        LocalProject project = null;
        boolean selectable = false;
        int specifiers = 0;
        for (RequirementsSource source : input.sources()) {
            if (source instanceof RequirementsSource.Specifier s) {
                requirements.add(specifier(s.text(), ++specifiers));
                continue;
            }
            Loaded loaded = load(source);
            String label = source.label();
            switch (loaded.format()) {
                case REQUIREMENTS_TXT -> {
                    RequirementsFile rf = requirementsFile(source, loaded.text());
                    files.add(rf);
                    requirements.addAll(rf.requirements());
                    constraints.addAll(rf.constraints());
                }
                case PYPROJECT -> {
                    selectable = true;
                    if (input.withProject()) {
                        project = localProject(source, loaded, project, input, requirements);
                    } else {
                        requirements.addAll(PyprojectReader.read(loaded.text(), Path.of(label), input.extras(), input.groups()));
                    }
                }
                default -> {
                    selectable = true;
                    if (input.sources().size() > 1 || !input.constraintFiles().isEmpty()) {
                        throw new BadInputException(label + " is a " + loaded.format().displayName() + ", taken as it is: give it "
                                + "alone, without other requirements or -c constraints (its versions are already chosen)");
                    }
                    if (input.withProject()) {
                        throw new BadInputException(label + " is a " + loaded.format().displayName() + ", and --with-project "
                                + "builds the project of a pyproject.toml; give the pyproject.toml instead, or leave --with-project out");
                    }
                    lock = readLock(loaded, label, target, input);
                }
            }
        }
        if (input.withProject() && project == null) {
            throw new BadInputException("--with-project installs the project of a pyproject.toml, and none was given; name the "
                    + "project's pyproject.toml, or leave --with-project out");
        }
        if ((!input.extras().isEmpty() || !input.groups().isEmpty()) && !selectable) {
            throw new BadInputException("--extra and --group select from a pyproject.toml or a lock, and none was given; drop them "
                    + "or name the pyproject.toml");
        }
        for (Path c : input.constraintFiles()) {
            RequirementsFile rf = requirementsFile(new RequirementsSource.File(c), load(new RequirementsSource.File(c)).text());
            rf.requirements().forEach(constraints::add);
            constraints.addAll(rf.constraints());
            files.add(rf);
        }
        if (lock == null && specifiers == 0 && input.constraintFiles().isEmpty() && !files.isEmpty()
                && files.size() == input.sources().size()) {
            lock = hashedRequirements(requirements, constraints, input).orElse(null);
        }
        if (lock != null) {
            return new ReadRequirements(List.of(), List.of(), files, Optional.of(lock));
        }
        return new ReadRequirements(requirements, constraints, files, Optional.empty(), Optional.ofNullable(project));
    }

    /**
     * {@code --with-project}: the project's own requirement ({@code name[extras]}) and the selected groups go into
     * {@code requirements}; the project's dependencies then come from the wheel built from its folder.
     */
    private static LocalProject localProject(RequirementsSource source, Loaded loaded, LocalProject earlier, RequirementsInput input,
                                             List<RequirementsFileEntry> requirements) {
        if (!(source instanceof RequirementsSource.File f)) {
            throw new BadInputException("--with-project builds the project in a pyproject.toml's folder, and standard input has "
                    + "no folder; name the pyproject.toml file instead");
        }
        if (earlier != null) {
            throw new BadInputException("--with-project builds one project, and two pyproject.toml files were given ("
                    + earlier.pyproject() + ", " + f.path() + "); give one of them");
        }
        List<RequirementsFileEntry> entries = PyprojectReader.readWithProject(loaded.text(), f.path(), input.extras(), input.groups());
        requirements.addAll(entries);
        Path dir = f.path().toAbsolutePath().normalize().getParent();
        return new LocalProject(dir, entries.get(0).requirement().normalizedName(), f.path());
    }

    private static LockedSet readLock(Loaded loaded, String label, LockTarget target, RequirementsInput input) {
        return switch (loaded.format()) {
            case UV_LOCK -> UvLockReader.read(loaded.text(), label, target, input.extras(), input.groups());
            case POETRY_LOCK -> PoetryLockReader.read(loaded.text(), label, target, input.extras(), input.groups());
            case PIPFILE_LOCK -> {
                if (!input.extras().isEmpty()) {
                    throw new BadInputException(label + " is a Pipfile.lock, which records no extras; drop --extra");
                }
                yield PipfileLockReader.read(loaded.text(), label, target, input.groups());
            }
            case PYLOCK -> PylockReader.read(loaded.text(), label, target, input.extras(), input.groups());
            default -> throw new IllegalStateException(loaded.format().toString());
        };
    }

    private Loaded load(RequirementsSource source) {
        if (source instanceof RequirementsSource.Stdin in) {
            return new Loaded(InputFormat.detect(null, in.text()), in.text());
        }
        Path path = ((RequirementsSource.File) source).path();
        try {
            if (dev.layerfit.io.FileKind.of(path) == dev.layerfit.io.FileKind.MISSING) {
                throw new NoSuchFileException(path.toString());
            }
            String text = dev.layerfit.io.InputFiles.readUtf8(path, "the requirements file");
            return new Loaded(InputFormat.detect(path.getFileName().toString(), text), text);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such requirements file; check the path, or give a pyproject.toml, a lock or "
                    + "a requirement such as \"requests>=2.31\"", e);
        } catch (MalformedInputException e) {
            throw new BadInputException(path + " is not UTF-8 text; give a requirements file, a pyproject.toml or a lock", e);
        } catch (IOException e) {
            throw new BadInputException(path + " could not be read (" + dev.layerfit.error.ExceptionWords.describe(e) + "); check that it is a file you may read", e);
        }
    }

    private RequirementsFile requirementsFile(RequirementsSource source, String text) {
        try {
            if (source instanceof RequirementsSource.Stdin) {
                return RequirementsFile.readText(text, Path.of("-"), environment);
            }
            return RequirementsFile.readText(text, ((RequirementsSource.File) source).path(), environment);
        } catch (IOException e) {
            throw new BadInputException(source.label() + " could not be read (" + e.getMessage() + "); check its includes", e);
        }
    }

    private static RequirementsFileEntry specifier(String text, int position) {
        try {
            return new RequirementsFileEntry(Requirement.parse(text), COMMAND_LINE, position, List.of());
        } catch (InvalidRequirementException e) {
            throw new BadInputException("\"" + text + "\" is neither a file nor a requirement (" + e.getMessage()
                    + "); check the path, or write a requirement such as \"requests>=2.31\"", e);
        }
    }

    /**
     * A pip requirements lock: every line {@code name==version} with {@code --hash}, no marker, no extras, no URL, no
     * constraints. Its wheels are found in the index by hash.
     */
    private static Optional<LockedSet> hashedRequirements(List<RequirementsFileEntry> entries, List<RequirementsFileEntry> constraints,
                                                          RequirementsInput input) {
        if (entries.isEmpty() || !constraints.isEmpty()) {
            return Optional.empty();
        }
        List<LockedEntry> out = new ArrayList<>();
        for (RequirementsFileEntry e : entries) {
            Optional<String> pinned = pinnedVersion(e.requirement());
            if (pinned.isEmpty() || e.sha256Hashes().isEmpty() || e.requirement().marker().isPresent()) {
                return Optional.empty();
            }
            TreeSet<String> hashes = new TreeSet<>();
            e.sha256Hashes().forEach(h -> hashes.add(h.toLowerCase(Locale.ROOT)));
            out.add(new LockedEntry(e.requirement().normalizedName(), Version.parse(pinned.get()), List.of(), List.copyOf(hashes),
                    true, false, e.location()));
        }
        return Optional.of(new LockedSet(InputFormat.REQUIREMENTS_TXT, input.describe(), out));
    }

    private static Optional<String> pinnedVersion(Requirement r) {
        if (r.url().isPresent() || !r.extras().isEmpty() || r.specifier().specifiers().size() != 1) {
            return Optional.empty();
        }
        Specifier s = r.specifier().specifiers().get(0);
        if (s.operator() != Specifier.Operator.EQUAL || s.version().endsWith(".*")) {
            return Optional.empty();
        }
        return Optional.of(s.version());
    }
}
