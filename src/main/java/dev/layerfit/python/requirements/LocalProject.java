package dev.layerfit.python.requirements;

import java.nio.file.Path;

/**
 * The project of a {@code pyproject.toml} that {@code --with-project} installs too: its folder is built into a pure
 * wheel (PEP 517) and that wheel is the only candidate for the project's name.
 *
 * @param directory the folder holding the {@code pyproject.toml} (the source tree)
 * @param name      {@code [project].name}, normalised (PEP 503)
 * @param pyproject the file as given, for messages
 */
public record LocalProject(Path directory, String name, Path pyproject) {
}
