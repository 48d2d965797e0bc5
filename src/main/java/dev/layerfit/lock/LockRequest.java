package dev.layerfit.lock;

import dev.layerfit.lambda.PythonTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * What to resolve and where to look, as given on the command line; index flags follow pip's names and are applied
 * after pip's configuration and the requirements files' own options (the command line wins).
 *
 * @param requirementFiles requirements files (pip's {@code -r}), read in order; their requirements are merged
 * @param target           the runtime and architecture to resolve for
 * @param indexUrl         {@code --index-url}, or null
 * @param extraIndexUrls   {@code --extra-index-url} values
 * @param findLinks        {@code --find-links} values
 * @param noIndex          {@code --no-index}
 * @param pre              {@code --pre}
 */
public record LockRequest(List<Path> requirementFiles, PythonTarget target, String indexUrl, List<String> extraIndexUrls,
        List<String> findLinks, boolean noIndex, boolean pre) {

    public LockRequest {
        requirementFiles = List.copyOf(requirementFiles);
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }
}
