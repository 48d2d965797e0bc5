package dev.layerfit.python.requirements;

import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import java.util.List;
import java.util.Optional;

/**
 * Requirements as read from every source: either requirements to resolve (with constraints, and the pip requirements
 * files whose index options and {@code --pre} apply), or a lock to take as it is.
 *
 * @param requirements      requirements to resolve, in order (empty for a lock)
 * @param constraints       constraints ({@code -c} files, and those the files include)
 * @param requirementsFiles the pip requirements files read (their index options and {@code --pre} apply)
 * @param locked            the lock, when the input is one
 * @param project           with {@code --with-project}: the project to build into a wheel (its requirement is among
 *                          {@code requirements})
 */
public record ReadRequirements(List<RequirementsFileEntry> requirements, List<RequirementsFileEntry> constraints,
        List<RequirementsFile> requirementsFiles, Optional<LockedSet> locked, Optional<LocalProject> project) {

    /** Requirements without a project to build. */
    public ReadRequirements(List<RequirementsFileEntry> requirements, List<RequirementsFileEntry> constraints,
                            List<RequirementsFile> requirementsFiles, Optional<LockedSet> locked) {
        this(requirements, constraints, requirementsFiles, locked, Optional.empty());
    }

    public ReadRequirements {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        requirementsFiles = List.copyOf(requirementsFiles);
    }

    /** Whether any pip requirements file said {@code --pre}. */
    public boolean pre() {
        return requirementsFiles.stream().anyMatch(RequirementsFile::pre);
    }
}
