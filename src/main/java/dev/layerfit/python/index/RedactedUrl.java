package dev.layerfit.python.index;

import java.net.URI;

/** A URL made safe to print: the password in its userinfo (or a lone token) replaced by {@code ****}. */
public final class RedactedUrl {
    private RedactedUrl() {
    }

    /** The URL with any userinfo shown as {@code user:****@} (or {@code ****@} for a token). */
    public static String of(URI url) {
        String info = url.getRawUserInfo();
        if (info == null) {
            return url.toString();
        }
        int colon = info.indexOf(':');
        String shown = colon >= 0 ? info.substring(0, colon) + ":****" : "****";
        return url.toString().replaceFirst(java.util.regex.Pattern.quote(info + "@"),
                java.util.regex.Matcher.quoteReplacement(shown + "@"));
    }

    /** As {@link #of(URI)} for a URL given as text (returned unchanged if it does not parse). */
    public static String of(String url) {
        try {
            return of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return url.replaceAll("//[^/@]*@", "//****@");
        }
    }
}
