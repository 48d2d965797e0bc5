package dev.layerfit.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction rule for secrets in text layerfit prints, logs or writes: the password of a URL's userinfo
 * ({@code https://user:pass@host} becomes {@code https://user:****@host}), a lone token in userinfo
 * ({@code https://token@host} becomes {@code https://****@host}), and the values of query parameters that carry
 * credentials (presigned-URL signatures, tokens). Applied to whole messages at the edge, and to every URL that goes
 * into JSON or a lock.
 */
public final class Redaction {

    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|token|access_token|password|secret)=)[^&#\\s\"']+");

    private Redaction() {
    }

    /** {@code text} with every credential in a URL replaced by {@code ****}. */
    public static String redact(String text) {
        if (text == null || (text.indexOf('@') < 0 && text.indexOf('=') < 0)) {
            return text;
        }
        String out = text.indexOf('@') < 0 ? text : redactUserInfo(text, false);
        return out.indexOf('=') < 0 ? out : SECRET_QUERY.matcher(out).replaceAll("$1****");
    }

    /**
     * Each {@code scheme://userinfo@} with its password (or lone token) starred, or the userinfo dropped. A linear scan
     * from each {@code ://}: a regular expression with a greedy scheme part takes quadratic time on a long run of
     * letters (a 5 MB name in a report).
     */
    private static String redactUserInfo(String text, boolean drop) {
        StringBuilder sb = null;
        int copied = 0;
        for (int sep = text.indexOf("://"); sep >= 0; sep = text.indexOf("://", sep + 3)) {
            int start = sep;
            while (start > 0 && sep - start < MAX_SCHEME && isSchemeChar(text.charAt(start - 1))) {
                start--;
            }
            if (start == sep || !Character.isLetter(text.charAt(start)) || start < copied) {
                continue;
            }
            int from = sep + 3;
            int end = from;
            int at = -1;
            while (end < text.length()) {
                char c = text.charAt(end);
                if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c)) {
                    break;
                }
                if (c == '@') {
                    at = end; // the last '@' before the host: a password holding '@' is covered
                }
                end++;
            }
            if (at < 0) {
                sep = end - 3; // a later "://" before end has no '@' after it either
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, copied, from);
            if (!drop) {
                String info = text.substring(from, at);
                int colon = info.indexOf(':');
                sb.append(colon >= 0 ? info.substring(0, colon) + ":****" : "****").append('@');
            }
            copied = at + 1;
            sep = at - 2;
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, text.length()).toString();
    }

    /** The longest scheme looked for before "://" (https, git+https, s3 ...). */
    private static final int MAX_SCHEME = 32;

    private static boolean isSchemeChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
    }

    /** A URL without its userinfo at all (what a lock keeps: pip's locks name the index without credentials). */
    public static String withoutUserInfo(String url) {
        return url == null ? null : redactUserInfo(url, true);
    }
}
