package dev.layerfit.python.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses simple-repository project pages: PEP 503 HTML (with PEP 592 yanking, PEP 658/714 metadata
 * attributes) and PEP 691 JSON ({@code application/vnd.pypi.simple.v1+json}).
 */
public final class SimplePageParser {

    /** The PEP 691 JSON content type. */
    public static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";
    /** The PEP 691 HTML content type. */
    public static final String HTML_TYPE = "application/vnd.pypi.simple.v1+html";

    /** Jackson for PEP 691 pages only: its start-up (~20 ms) is not paid by a run that reads only HTML pages. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private SimplePageParser() {
    }

    /** Whether a Content-Type names PEP 691 JSON (or plain JSON). */
    public static boolean isJson(String contentType) {
        String t = mediaType(contentType);
        return t.equals(JSON_TYPE) || t.equals("application/json");
    }

    /** Whether a Content-Type names an HTML page. */
    public static boolean isHtml(String contentType) {
        String t = mediaType(contentType);
        return t.equals(HTML_TYPE) || t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a PEP 503 HTML page.
     *
     * @param pageUrl the URL the page was read from (relative links resolve against it, or its {@code <base>})
     * @param source  the label of the index, for {@link IndexFile#source()}
     * @throws BadIndexResponseException when the text is not HTML at all
     */
    public static ProjectPage parseHtml(String project, String html, URI pageUrl, String source) {
        if (html.indexOf('<') < 0 && !html.isBlank()) {
            throw new BadIndexResponseException(RedactedUrl.of(pageUrl)
                    + " did not return an HTML or JSON simple-index page; check that the URL is a simple index (…/simple/)");
        }
        HtmlAnchors.Parsed parsed = HtmlAnchors.parse(html);
        URI base = parsed.baseHref() == null ? pageUrl : pageUrl.resolve(parsed.baseHref());
        List<IndexFile> files = new ArrayList<>();
        for (HtmlAnchors.Anchor a : parsed.anchors()) {
            Map<String, String> at = a.attributes();
            String yanked = at.get("data-yanked");
            String metadata = at.containsKey("data-core-metadata") ? at.get("data-core-metadata") : at.get("data-dist-info-metadata");
            boolean metadataAvailable = metadata != null && !metadata.equalsIgnoreCase("false");
            String metadataSha = metadata != null && metadata.toLowerCase(Locale.ROOT).startsWith("sha256=")
                    ? metadata.substring(7).toLowerCase(Locale.ROOT) : null;
            files.add(file(base, a.href(), null, blankToNull(at.get("data-requires-python")), yanked != null,
                    blankToNull(yanked), metadataAvailable, metadataSha, source));
        }
        return new ProjectPage(project, pageUrl, files);
    }

    /**
     * Parses a PEP 691 JSON page.
     *
     * @throws BadIndexResponseException when it is not JSON, lacks {@code files} or a file lacks {@code filename}/{@code url},
     *                                   or its major api-version is not 1
     */
    public static ProjectPage parseJson(String project, String json, URI pageUrl, String source) {
        String where = RedactedUrl.of(pageUrl);
        JsonNode root;
        try {
            root = Mapper.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadIndexResponseException(where + " returned invalid JSON (" + e.getOriginalMessage()
                    + "); check that the URL is a PEP 691 simple index", e);
        }
        if (root == null || !root.isObject() || !root.path("files").isArray()) {
            throw new BadIndexResponseException(where + " returned JSON without a \"files\" list; check that the URL is a PEP 691 simple index");
        }
        String apiVersion = root.path("meta").path("api-version").asText("1.0");
        if (!apiVersion.startsWith("1.")) {
            throw new BadIndexResponseException(where + " speaks simple API version " + apiVersion
                    + ", which layerfit does not know; use an index that offers version 1");
        }
        List<IndexFile> files = new ArrayList<>();
        for (JsonNode f : root.get("files")) {
            if (!f.path("filename").isTextual() || !f.path("url").isTextual()) {
                throw new BadIndexResponseException(where + " lists a file without \"filename\" or \"url\"; the index is broken, report it to its owner");
            }
            JsonNode yanked = f.path("yanked");
            boolean isYanked = yanked.isTextual() || yanked.asBoolean(false);
            JsonNode metadata = f.has("core-metadata") ? f.get("core-metadata") : f.path("dist-info-metadata");
            boolean metadataAvailable = metadata.isObject() || metadata.asBoolean(false);
            String metadataSha = metadata.isObject() && metadata.path("sha256").isTextual()
                    ? metadata.get("sha256").asText().toLowerCase(Locale.ROOT) : null;
            String sha = f.path("hashes").path("sha256").isTextual() ? f.path("hashes").get("sha256").asText() : null;
            String requiresPython = f.path("requires-python").isTextual() ? f.get("requires-python").asText() : null;
            files.add(file(pageUrl, f.get("url").asText(), sha, blankToNull(requiresPython), isYanked,
                    yanked.isTextual() ? blankToNull(yanked.asText()) : null, metadataAvailable, metadataSha, source));
        }
        return new ProjectPage(project, pageUrl, files);
    }

    private static IndexFile file(URI base, String href, String sha256, String requiresPython, boolean yanked,
            String yankedReason, boolean metadataAvailable, String metadataSha, String source) {
        URI resolved = base.resolve(href.strip().replace(" ", "%20"));
        String fragment = resolved.getRawFragment();
        if (sha256 == null && fragment != null && fragment.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            sha256 = fragment.substring(7);
        }
        URI withoutFragment = fragment == null ? resolved : URI.create(resolved.toString().substring(0, resolved.toString().indexOf('#')));
        String path = withoutFragment.getRawPath() == null ? "" : withoutFragment.getRawPath();
        String filename = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        return new IndexFile(filename, withoutFragment, sha256 == null ? null : sha256.toLowerCase(Locale.ROOT),
                requiresPython, yanked, yankedReason, metadataAvailable, metadataSha, source);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The project names linked from a root ({@code /simple/}) HTML page (link text or last path segment). */
    static List<String> projectNamesFromRootHtml(String html) {
        List<String> names = new ArrayList<>();
        for (HtmlAnchors.Anchor a : HtmlAnchors.parse(html).anchors()) {
            String href = a.href().replaceAll("/+$", "");
            names.add(href.substring(href.lastIndexOf('/') + 1));
        }
        return names;
    }

    /** The project names of a PEP 691 root JSON page ({@code projects[].name}). */
    static List<String> projectNamesFromRootJson(String json) {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode p : Mapper.JSON.readTree(json).path("projects")) {
                if (p.path("name").isTextual()) {
                    names.add(p.get("name").asText());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }
}
