package dev.layerfit.python.index;

import java.net.URI;
import java.util.List;

/**
 * The files one index lists for one project.
 *
 * @param project the normalised project name
 * @param url     the page's URL (credentials included when the index URL had them; print with {@link RedactedUrl})
 * @param files   the files, in page order
 */
public record ProjectPage(String project, URI url, List<IndexFile> files) {
    public ProjectPage {
        files = List.copyOf(files);
    }
}
