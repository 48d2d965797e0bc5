package dev.layerfit.pipeline;

import dev.layerfit.cache.CacheRoot;
import dev.layerfit.lock.RequirementsUnreadableException;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexOptions;
import dev.layerfit.python.index.Netrc;
import dev.layerfit.python.index.PipConfiguration;
import dev.layerfit.python.index.RetryPolicy;
import dev.layerfit.python.index.UserHome;
import dev.layerfit.lock.Locker;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsReader;
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
        return client(RequirementsInput.files(requirementFiles));
    }

    /**
     * A client for the given requirement sources with this process's settings: pip's and uv's configuration, the pip
     * requirements files' options, these flags; netrc, retries, the cache root.
     */
    public IndexClient client(RequirementsInput input) {
        try {
            IndexOptions options = Locker.configuredOptions(PipConfiguration.load(), Path.of(""));
            for (RequirementsFile rf : RequirementsReader.requirementsFiles(input)) {
                options = options.withRequirementsFile(rf);
            }
            options = options.withCommandLine(indexUrl, extraIndexUrls, findLinks, noIndex);
            Path home = UserHome.get();
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
