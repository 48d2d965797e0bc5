package dev.layerfit.python.requirements;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The formats requirements are read from, recognised by file name first (as each tool names its file) and then by
 * content (a renamed or piped file): a TOML document with {@code lock-version} and {@code [[packages]]} is a
 * {@code pylock.toml}; {@code version} and {@code [[package]]} with {@code source} is a {@code uv.lock};
 * {@code [metadata] lock-version} and {@code [[package]]} a {@code poetry.lock}; a JSON object with
 * {@code _meta.pipfile-spec} a {@code Pipfile.lock}; {@code [project]} or {@code [build-system]} a
 * {@code pyproject.toml}; anything else a pip requirements file.
 */
public enum InputFormat {
    REQUIREMENTS_TXT("pip requirements file"),
    PYPROJECT("pyproject.toml"),
    UV_LOCK("uv.lock"),
    POETRY_LOCK("poetry.lock"),
    PIPFILE_LOCK("Pipfile.lock"),
    PYLOCK("pylock.toml");

    /** PEP 751: {@code pylock.toml} or {@code pylock.NAME.toml}. */
    private static final Pattern PYLOCK_NAME = Pattern.compile("^pylock\\.([^.]+\\.)?toml$");

    private final String displayName;

    InputFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the format is a lock, taken as it is (no resolution). */
    public boolean isLock() {
        return this != REQUIREMENTS_TXT && this != PYPROJECT;
    }

    /**
     * The format of a file.
     *
     * @param fileName the file's name (null for standard input)
     * @param text     its content
     */
    public static InputFormat detect(String fileName, String text) {
        if (fileName != null) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.equals("pyproject.toml")) {
                return PYPROJECT;
            }
            if (lower.equals("uv.lock")) {
                return UV_LOCK;
            }
            if (lower.equals("poetry.lock")) {
                return POETRY_LOCK;
            }
            if (lower.equals("pipfile.lock")) {
                return PIPFILE_LOCK;
            }
            if (PYLOCK_NAME.matcher(lower).matches()) {
                return PYLOCK;
            }
        }
        return byContent(text);
    }

    private static InputFormat byContent(String text) {
        String stripped = text.stripLeading();
        if (stripped.startsWith("{") && text.contains("\"_meta\"") && text.contains("\"pipfile-spec\"")) {
            return PIPFILE_LOCK;
        }
        if (hasLine(text, "lock-version\\s*=") && hasLine(text, "\\[\\[packages]]")) {
            return PYLOCK;
        }
        if (hasLine(text, "\\[\\[package]]") && hasLine(text, "version\\s*=\\s*\\d+\\s*") && text.contains("source = {")) {
            return UV_LOCK;
        }
        if (hasLine(text, "\\[\\[package]]") && hasLine(text, "\\[metadata]")) {
            return POETRY_LOCK;
        }
        if (hasLine(text, "\\[project]") || hasLine(text, "\\[build-system]") || hasLine(text, "\\[dependency-groups]")) {
            return PYPROJECT;
        }
        return REQUIREMENTS_TXT;
    }

    private static boolean hasLine(String text, String regex) {
        return Pattern.compile("(?m)^\\s*" + regex).matcher(text).find();
    }
}
