package dev.layerfit.pipeline;

import dev.layerfit.cache.CacheRoot;
import dev.layerfit.lock.RequirementsUnreadableException;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexOptions;
import dev.layerfit.python.index.Netrc;
import dev.layerfit.python.index.PipConfiguration;
import dev.layerfit.python.index.RetryPolicy;
import dev.layerfit.python.pep508.RequirementsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where to look for wheels, as given on the command line (pip's flag names); layered as {@code resolve} layers them:
 * pip's configuration, then each requirements file's options, then these flags.
 *
 * @param indexUrl       {@code --index-url}, or null
 * @param extraIndexUrls {@code --extra-index-url} values
 * @param findLinks      {@code --find-links} values
 * @param noIndex        {@code --no-index}
 * @param pre            {@code --pre}
 */
public record IndexSettings(String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex, boolean pre) {

    public IndexSettings {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }

    /** No flags: pip's configuration and the files decide. */
    public static IndexSettings none() {
        return new IndexSettings(null, List.of(), List.of(), false, false);
    }

    /** A client for the given requirements files with this process's settings (netrc, retries, the cache root). */
    public IndexClient client(List<Path> requirementFiles) {
        try {
            IndexOptions options = PipConfiguration.load().indexOptions();
            for (Path file : requirementFiles) {
                options = options.withRequirementsFile(read(file));
            }
            options = options.withCommandLine(indexUrl, extraIndexUrls, findLinks, noIndex);
            Path home = Path.of(System.getProperty("user.home"));
            String netrc = System.getenv("NETRC");
            return IndexClient.create(options, Netrc.read(netrc == null || netrc.isBlank() ? home.resolve(".netrc") : Path.of(netrc)),
                    RetryPolicy.standard(), CacheRoot.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read pip's configuration or ~/.netrc", e);
        }
    }

    static RequirementsFile read(Path file) {
        try {
            return RequirementsFile.read(file);
        } catch (NoSuchFileException e) {
            throw new RequirementsUnreadableException("the requirements file " + file + " does not exist; give the path of a pip "
                    + "requirements file", e);
        } catch (IOException e) {
            throw new RequirementsUnreadableException("the requirements file " + file + " could not be read (" + dev.layerfit.error.ExceptionWords.describe(e)
                    + "); check its permissions", e);
        }
    }
}
