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

    /** scheme://userinfo@ — userinfo up to the last '@' before the host, so a password holding '@' is covered. */
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s]*)@");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|token|access_token|password|secret)=)[^&#\\s\"']+");

    private Redaction() {
    }

    /** {@code text} with every credential in a URL replaced by {@code ****}. */
    public static String redact(String text) {
        if (text == null || (text.indexOf('@') < 0 && text.indexOf('=') < 0)) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String info = m.group(2);
            int colon = info.indexOf(':');
            String shown = colon >= 0 ? info.substring(0, colon) + ":****" : "****";
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + shown + "@"));
        }
        m.appendTail(sb);
        return SECRET_QUERY.matcher(sb).replaceAll("$1****");
    }

    /** A URL without its userinfo at all (what a lock keeps: pip's locks name the index without credentials). */
    public static String withoutUserInfo(String url) {
        return url == null ? null : USERINFO.matcher(url).replaceFirst("$1");
    }
}
