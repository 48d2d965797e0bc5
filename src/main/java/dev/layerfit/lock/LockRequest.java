package dev.layerfit.lock;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.python.requirements.RequirementsInput;
import java.nio.file.Path;
import java.util.List;

/**
 * What to resolve and where to look, as given on the command line; index flags follow pip's names and are applied
 * after pip's and uv's configuration and the requirements files' own options (the command line wins).
 *
 * @param input          the requirement sources (pip's {@code -r} files, specifiers, {@code pyproject.toml}, a lock) and
 *                       the selections ({@code -c}, {@code --extra}, {@code --group})
 * @param target         the runtime and architecture to resolve for
 * @param indexUrl       {@code --index-url}, or null
 * @param extraIndexUrls {@code --extra-index-url} values
 * @param findLinks      {@code --find-links} values
 * @param noIndex        {@code --no-index}
 * @param pre            {@code --pre}
 */
public record LockRequest(RequirementsInput input, PythonTarget target, String indexUrl, List<String> extraIndexUrls,
        List<String> findLinks, boolean noIndex, boolean pre) {

    public LockRequest {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }

    /** Requirements files only (pip's {@code -r}), read in order; their requirements are merged. */
    public LockRequest(List<Path> requirementFiles, PythonTarget target, String indexUrl, List<String> extraIndexUrls,
            List<String> findLinks, boolean noIndex, boolean pre) {
        this(RequirementsInput.files(requirementFiles), target, indexUrl, extraIndexUrls, findLinks, noIndex, pre);
    }
}
