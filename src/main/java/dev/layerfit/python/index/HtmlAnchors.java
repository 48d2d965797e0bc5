package dev.layerfit.python.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <a>} tags of a PEP 503 page (and a {@code <base href>}), read leniently the way pip does:
 * attribute names lower-cased, values HTML-unescaped.
 */
final class HtmlAnchors {

    private static final Pattern TAG = Pattern.compile("<(a|base)(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    /** One anchor: its attributes (names lower case, values unescaped; a bare attribute has the value ""). */
    record Anchor(Map<String, String> attributes) {
        String href() {
            return attributes.get("href");
        }
    }

    /** The anchors, and the base href if the page has one (null otherwise). */
    record Parsed(List<Anchor> anchors, String baseHref) {
    }

    private HtmlAnchors() {
    }

    static Parsed parse(String html) {
        List<Anchor> anchors = new ArrayList<>();
        String base = null;
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = attributes(tag.group(2) == null ? "" : tag.group(2));
            if (tag.group(1).equalsIgnoreCase("base")) {
                if (base == null && attributes.containsKey("href")) {
                    base = attributes.get("href");
                }
            } else if (attributes.get("href") != null) {
                anchors.add(new Anchor(attributes));
            }
        }
        return new Parsed(anchors, base);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            map.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : unescape(value));
        }
        return map;
    }

    /** Replaces HTML character references ({@code &lt;}, {@code &#62;}, {@code &#x3e;}); unknown ones stay as written. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                replacement = new String(Character.toChars(Integer.parseInt(ref.substring(2), 16)));
            } else if (ref.startsWith("#")) {
                replacement = new String(Character.toChars(Integer.parseInt(ref.substring(1))));
            } else {
                replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
