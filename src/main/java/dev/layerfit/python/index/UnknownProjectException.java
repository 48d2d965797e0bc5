package dev.layerfit.python.index;

import dev.layerfit.error.BadInputException;
import java.util.List;
import java.util.Optional;

/** No configured index or find-links location knows the project; says which names are close, when it can. */
public final class UnknownProjectException extends BadInputException {
    private final String project;
    private final String suggestion;

    public UnknownProjectException(String project, List<String> sources, String suggestion) {
        super("no index knows the project '" + project + "' (looked in " + String.join(", ", sources) + ")"
                + (suggestion == null ? "; check its name or add --extra-index-url"
                        : "; did you mean '" + suggestion + "'?"));
        this.project = project;
        this.suggestion = suggestion;
    }

    /** The normalised name that was asked for. */
    public String project() {
        return project;
    }

    /** The closest name an index lists, if one is close enough. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
