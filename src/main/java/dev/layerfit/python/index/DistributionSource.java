package dev.layerfit.python.index;

import java.util.List;
import java.util.Optional;

/** One place that lists files: a simple index or a find-links location. */
interface DistributionSource {

    /** The files for a normalised project name, or empty when this source does not know the project. */
    Optional<List<IndexFile>> files(String project);

    /** The project names this source knows (for "did you mean"); empty when it cannot tell. */
    List<String> projectNames();

    /** How the source is named in messages (credentials redacted). */
    String label();
}
