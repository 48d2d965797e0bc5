package dev.layerfit.python.requirements;

import java.nio.file.Path;

/** One place requirements come from, as named on the command line. */
public sealed interface RequirementsSource {

    /** How messages and the lock header name the source. */
    String label();

    /**
     * A file: a pip requirements file, {@code pyproject.toml}, or a lock ({@code uv.lock}, {@code poetry.lock},
     * {@code Pipfile.lock}, {@code pylock.toml}), told apart by name and content ({@link InputFormat}).
     */
    record File(Path path) implements RequirementsSource {
        @Override
        public String label() {
            return path.toString();
        }
    }

    /** Standard input ({@code -}), read once by the command line; any format a file may have. */
    record Stdin(String text) implements RequirementsSource {
        @Override
        public String label() {
            return "-";
        }
    }

    /** A requirement specifier given as an argument, as {@code pip install "requests>=2.31"} takes it. */
    record Specifier(String text) implements RequirementsSource {
        @Override
        public String label() {
            return text;
        }
    }
}
