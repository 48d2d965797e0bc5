package dev.layerfit.python.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A simple repository (PEP 503 / PEP 691) at an http(s) or file URL. Project pages live at
 * {@code <index>/<normalised name>/}; over HTTP the client asks for JSON first, then HTML (content negotiation);
 * a file index is read from {@code <root>/<project>/index.html}, or the folder's files when there is none.
 */
final class SimpleIndexSource implements DistributionSource {

    /** PEP 691's recommended Accept header: JSON, then the versioned HTML, then legacy HTML. */
    static final String ACCEPT = SimplePageParser.JSON_TYPE + ", " + SimplePageParser.HTML_TYPE + ";q=0.2, text/html;q=0.01";

    private final URI root;
    private final HttpTransport http;
    private final IndexCache cache;
    private final OnceMap<String, Optional<List<IndexFile>>> pages = new OnceMap<>();

    SimpleIndexSource(URI root, HttpTransport http, IndexCache cache) {
        this.root = root.toString().endsWith("/") ? root : URI.create(root + "/");
        this.http = http;
        this.cache = cache;
        http.learnCredentials(root);
    }

    @Override
    public String label() {
        return RedactedUrl.of(root);
    }

    private boolean isFile() {
        return "file".equalsIgnoreCase(root.getScheme());
    }

    @Override
    public Optional<List<IndexFile>> files(String project) {
        return pages.get(project, () -> isFile() ? readFilePage(project) : readHttpPage(project));
    }

    private Optional<List<IndexFile>> readFilePage(String project) {
        Path dir = Path.of(root.resolve(project + "/"));
        Path index = dir.resolve("index.html");
        try {
            if (Files.isRegularFile(index)) {
                String text = dev.layerfit.io.InputFiles.readUtf8(index, "the index page");
                return Optional.of(parse(project, text, text.stripLeading().startsWith("{") ? SimplePageParser.JSON_TYPE : "text/html",
                        index.toUri()));
            }
            if (Files.isDirectory(dir)) {
                List<IndexFile> files = new ArrayList<>();
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(Files::isRegularFile).sorted().forEach(p -> files.add(new IndexFile(p.getFileName().toString(),
                            p.toUri(), null, null, false, null, false, null, label())));
                }
                return Optional.of(files);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the index folder " + dir, e);
        }
    }

    private Optional<List<IndexFile>> readHttpPage(String project) {
        URI url = root.resolve(project + "/");
        Optional<IndexCache.StoredPage> stored = cache.page(url, ACCEPT);
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", ACCEPT);
        stored.ifPresent(s -> {
            if (s.etag() != null) {
                headers.put("If-None-Match", s.etag());
            }
            if (s.lastModified() != null) {
                headers.put("If-Modified-Since", s.lastModified());
            }
        });
        HttpTransport.Response r = http.get(url, headers, TransferStats.Purpose.PAGE);
        IndexCache.StoredPage page;
        if (r.status() == 304 && stored.isPresent()) {
            page = stored.get();
        } else if (r.status() == 404 || r.status() == 410) {
            return Optional.empty();
        } else if (r.status() == 200) {
            page = new IndexCache.StoredPage(r.body(), r.header("Content-Type"), r.header("ETag"), r.header("Last-Modified"));
            if (page.etag() != null || page.lastModified() != null) {
                cache.putPage(url, ACCEPT, page);
            }
        } else {
            throw unexpected(url, r.status());
        }
        // the URL the page came from (after redirects) is the base for relative links
        URI pageUrl = r.raw().uri() == null ? url : withUserInfoOf(url, r.raw().uri());
        return Optional.of(parse(project, new String(page.body(), StandardCharsets.UTF_8), page.contentType(), pageUrl));
    }

    private static URI withUserInfoOf(URI original, URI fetched) {
        if (original.getRawUserInfo() == null || fetched.getRawUserInfo() != null
                || !String.valueOf(original.getHost()).equals(fetched.getHost())) {
            return fetched;
        }
        return URI.create(fetched.getScheme() + "://" + original.getRawUserInfo() + "@" + fetched.getRawAuthority() + fetched.getRawPath()
                + (fetched.getRawQuery() == null ? "" : "?" + fetched.getRawQuery()));
    }

    static BadIndexResponseException unexpected(URI url, int status) {
        String hint = status == 401 || status == 403
                ? "; give credentials in the URL (https://user:password@host/...) or in ~/.netrc"
                : "; check the index URL";
        return new BadIndexResponseException(RedactedUrl.of(url) + " answered HTTP " + status + hint);
    }

    private ProjectPage parsePage(String project, String text, String contentType, URI pageUrl) {
        if (SimplePageParser.isJson(contentType)) {
            return SimplePageParser.parseJson(project, text, pageUrl, label());
        }
        if (SimplePageParser.isHtml(contentType)) {
            return SimplePageParser.parseHtml(project, text, pageUrl, label());
        }
        throw new BadIndexResponseException(RedactedUrl.of(pageUrl) + " answered with Content-Type '" + contentType
                + "', not a simple-index page (HTML or PEP 691 JSON); check that the URL is a simple index (…/simple/)");
    }

    private List<IndexFile> parse(String project, String text, String contentType, URI pageUrl) {
        return parsePage(project, text, contentType, pageUrl).files();
    }

    @Override
    public List<String> projectNames() {
        try {
            if (isFile()) {
                Path dir = Path.of(root);
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> list = Files.list(dir)) {
                    return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
                }
            }
            HttpTransport.Response r = http.get(root, Map.of("Accept", ACCEPT), TransferStats.Purpose.PAGE);
            if (r.status() != 200) {
                return List.of();
            }
            String text = new String(r.body(), StandardCharsets.UTF_8);
            return SimplePageParser.isJson(r.header("Content-Type")) ? SimplePageParser.projectNamesFromRootJson(text)
                    : SimplePageParser.projectNamesFromRootHtml(text);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
