package dev.layerfit.python.index;

import dev.layerfit.python.pep508.RequirementsFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to look for distributions, with pip's names: one index URL, extra index URLs, find-links locations
 * (folders, file:// or http(s) pages) and {@code --no-index} (which drops every index URL, keeping find-links).
 *
 * @param indexUrl       the main index ({@link #DEFAULT_INDEX_URL} unless configured)
 * @param extraIndexUrls further indexes, searched as well (all candidates are merged)
 * @param findLinks      folders or pages listing files directly
 * @param noIndex        whether index URLs are ignored
 */
public record IndexOptions(String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex) {

    /** pip's default index. */
    public static final String DEFAULT_INDEX_URL = "https://pypi.org/simple/";

    public IndexOptions {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }

    /** Only the default index. */
    public static IndexOptions defaults() {
        return new IndexOptions(DEFAULT_INDEX_URL, List.of(), List.of(), false);
    }

    /** Every index URL to search, main first; empty with {@code --no-index}. */
    public List<String> indexUrls() {
        if (noIndex) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(indexUrl);
        extraIndexUrls.stream().filter(u -> !all.contains(u)).forEach(all::add);
        return all;
    }

    /**
     * Whether every place to look is on this machine: file:// URLs and folders, no http(s) index or page. Reading
     * such a place costs less than handing the read to another thread, so nothing is gained by fetching ahead.
     */
    public boolean onlyLocal() {
        List<String> all = new ArrayList<>(indexUrls());
        all.addAll(findLinks);
        return all.stream().noneMatch(u -> {
            String lower = u.toLowerCase(java.util.Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://");
        });
    }

    /**
     * These options with command-line flags applied as pip applies them: {@code --index-url} replaces the main
     * index, {@code --extra-index-url} and {@code --find-links} add to the configured ones.
     *
     * @param indexUrl null when not given
     */
    public IndexOptions withCommandLine(String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex) {
        return new IndexOptions(indexUrl == null ? this.indexUrl : indexUrl, concat(this.extraIndexUrls, extraIndexUrls),
                concat(this.findLinks, findLinks), this.noIndex || noIndex);
    }

    /**
     * These options with a requirements file's options applied as pip's {@code handle_option_line} does: an
     * {@code -i} there replaces every index URL so far (the configured extras too), {@code --extra-index-url}
     * and {@code -f} add.
     */
    public IndexOptions withRequirementsFile(RequirementsFile file) {
        boolean none = noIndex || file.noIndex();
        if (file.indexUrl().isPresent()) {
            return new IndexOptions(file.indexUrl().get(), file.extraIndexUrls(), concat(findLinks, file.findLinks()), none);
        }
        return new IndexOptions(indexUrl, concat(extraIndexUrls, file.extraIndexUrls()), concat(findLinks, file.findLinks()), none);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
