package dev.layerfit.http;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The one HTTP policy of every client layerfit has (the index client, presigned-URL range reads, the AWS SDK): how
 * long to wait for a connection and for each next byte, the longest a whole request may take including its body, how
 * often to try, and the longest {@code Retry-After} honoured. A server that never answers, stalls after its headers,
 * trickles a byte a second or asks to come back in an hour is cut off with a clear error (exit 3).
 *
 * <p>{@code --timeout SECONDS} (or {@code LAYERFIT_TIMEOUT}) sets the connect and read timeouts; the total deadline is
 * ten times that. Defaults: 15 s connect and read, 150 s per request, 3 tries, {@code Retry-After} capped at 10 s.
 *
 * @param connectTimeout  to open a connection
 * @param readTimeout     for the response headers, and between any two reads of the body
 * @param requestDeadline for one request from sending to the last body byte
 * @param attempts        tries in all on connect errors, timeouts, 5xx and 429 (at least 1)
 * @param baseDelay       back-off after the first failure, doubled after each
 * @param maxRetryAfter   the longest {@code Retry-After} waited for; a longer one is waited for this long
 */
public record HttpPolicy(Duration connectTimeout, Duration readTimeout, Duration requestDeadline, int attempts,
        Duration baseDelay, Duration maxRetryAfter) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static volatile HttpPolicy current = fromEnvironment();

    public HttpPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The policy for a timeout (connect and read); the deadline is ten times it, Retry-After is capped at it (≤ 10 s). */
    public static HttpPolicy withTimeout(Duration timeout) {
        Duration cap = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
        return new HttpPolicy(timeout, timeout, times(timeout, 10), 3, Duration.ofMillis(200), cap);
    }

    /**
     * {@code d} times {@code n} in milliseconds. Not {@link Duration#multipliedBy}: it computes in BigDecimal, whose
     * class initialisation alone cost every command ~15 ms at start (this policy is made before any command runs).
     */
    private static Duration times(Duration d, long n) {
        return Duration.ofMillis(Math.multiplyExact(d.toMillis(), n));
    }

    /** The standard policy, or the one {@code LAYERFIT_TIMEOUT} (seconds) asks for. */
    public static HttpPolicy fromEnvironment() {
        String env = System.getenv("LAYERFIT_TIMEOUT");
        if (env != null && !env.isBlank()) {
            try {
                return withTimeout(parseSeconds(env.strip()));
            } catch (IllegalArgumentException e) {
                // a bad value in the environment: the default, and --timeout can still say better
            }
        }
        return withTimeout(DEFAULT_TIMEOUT);
    }

    /** The policy in force for this run. */
    public static HttpPolicy current() {
        return current;
    }

    /** Sets the policy for this run ({@code --timeout}). */
    public static void use(HttpPolicy policy) {
        current = policy;
    }

    /** A timeout in seconds as given on the command line ("30", "2.5"), between 0.1 s and one day. */
    public static Duration parseSeconds(String text) {
        double seconds;
        try {
            seconds = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of seconds");
        }
        if (!(seconds >= 0.1 && seconds <= 86_400)) {
            throw new IllegalArgumentException("a timeout must be between 0.1 and 86400 seconds, not " + text);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A JDK client that follows redirects and connects within {@link #connectTimeout}. */
    public HttpClient newClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(connectTimeout).build();
    }

    /** A GET whose headers must arrive within {@link #readTimeout}. */
    public HttpRequest.Builder get(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        if (uri.getHost() == null && authority.indexOf('@') != authority.lastIndexOf('@')) {
            throw new dev.layerfit.error.BadInputException("'" + dev.layerfit.text.TerminalText.echo(
                    dev.layerfit.text.Redaction.redact(uri.toString())) + "' has an '@' inside its user name or password; "
                    + "percent-encode it as %40 (as pip needs too)");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new dev.layerfit.error.BadInputException("'" + dev.layerfit.text.TerminalText.echo(
                    dev.layerfit.text.Redaction.redact(uri.toString())) + "' is not an http(s) URL with a host; "
                    + "layerfit fetches over http and https only (an index may also be a file: URL or a folder)");
        }
        return HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
    }

    /**
     * A body handler on this policy: every read of the body waits at most {@link #readTimeout}, and none goes past
     * {@link #requestDeadline} from now; either fails with a {@link java.net.http.HttpTimeoutException}.
     */
    public java.net.http.HttpResponse.BodyHandler<InputStream> bodyHandler() {
        long deadline = System.nanoTime() + requestDeadline.toNanos();
        return info -> new TimedBody(readTimeout.toNanos(), deadline);
    }

    /** The back-off before try {@code attempt + 1}, or the server's {@code Retry-After} (seconds) capped. */
    public Duration delayAfter(int attempt, String retryAfter) {
        Duration backoff = times(baseDelay, 1L << Math.min(attempt - 1, 20));
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.strip());
                Duration asked = Duration.ofSeconds(Math.max(0, Math.min(seconds, 86_400)));
                return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: our own back-off
            }
        }
        return backoff.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : backoff;
    }
}
