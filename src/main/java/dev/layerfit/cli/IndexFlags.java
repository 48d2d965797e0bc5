package dev.layerfit.cli;

import dev.layerfit.pipeline.IndexSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** pip's index flags, for commands that fetch wheels ({@code build}, {@code plan}, {@code check}). */
public final class IndexFlags {

    @Option(names = {"-i", "--index-url"}, paramLabel = "URL", description = "The main index, replacing the configured one.")
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL", description = "A further index (repeatable).")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = {"-f", "--find-links"}, paramLabel = "DIR|URL", description = "A folder or page listing files (repeatable).")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Ignore every index URL; use --find-links only.")
    boolean noIndex;

    @Option(names = "--pre", description = "Allow pre-releases.")
    boolean pre;

    /** The flags as the build package takes them. */
    public IndexSettings settings() {
        return new IndexSettings(indexUrl, extraIndexUrls, findLinks, noIndex, pre);
    }
}
