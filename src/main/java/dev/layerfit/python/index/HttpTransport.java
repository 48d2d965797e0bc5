package dev.layerfit.python.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.layerfit.error.ExceptionWords;
import dev.layerfit.http.HttpPolicy;
import dev.layerfit.io.BoundedStreams;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET requests to indexes through the JDK {@link HttpClient}: Basic credentials from the URL's userinfo (remembered
 * per host, so file links on the same host get them too) or {@code ~/.netrc}, retries with exponential back-off
 * on connect errors, 5xx and 429, and byte counting. Messages never show credentials.
 */
final class HttpTransport {

    private volatile HttpClient client;
    private final RetryPolicy retry;
    private final Netrc netrc;
    private final TransferStats stats;
    private final Map<String, String> authorizationByHost = new ConcurrentHashMap<>();

    HttpTransport(RetryPolicy retry, Netrc netrc, TransferStats stats) {
        this.retry = retry;
        this.netrc = netrc;
        this.stats = stats;
    }

    /** The HTTP client, built on first use: a run over file:// indexes never pays for its TLS set-up. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpPolicy.current().newClient();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * The most bytes a page or metadata response may hold (32 MiB; the largest PyPI project pages are a few MB);
     * system property {@code layerfit.maxPageBytes}.
     */
    static final long MAX_BODY_BYTES = Long.getLong("layerfit.maxPageBytes", 32L << 20);

    /** A response whose body is fully read (at most {@link #MAX_BODY_BYTES}). */
    record Response(int status, HttpResponse<InputStream> raw, byte[] body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** GETs {@code url}, returning any response that is not retried (2xx, 3xx, 4xx other than 429). */
    Response get(URI url, Map<String, String> headers, TransferStats.Purpose purpose) {
        HttpResponse<InputStream> r = send(url, headers);
        try (InputStream in = r.body()) {
            byte[] body = BoundedStreams.readAtMost(in, MAX_BODY_BYTES, () -> new BadIndexResponseException(
                    RedactedUrl.of(url) + " sent more than " + MAX_BODY_BYTES + " bytes, more than any index page or "
                            + "metadata file holds; check the index URL"));
            stats.add(purpose, body.length);
            return new Response(r.statusCode(), r, body);
        } catch (IOException e) {
            throw new IndexUnavailableException("reading " + RedactedUrl.of(url) + " failed ("
                    + ExceptionWords.describe(e) + "); check the network and try again", e);
        }
    }

    /** GETs {@code url} with a streamed body (watched by the HTTP policy's timeouts); the caller closes the body. */
    HttpResponse<InputStream> stream(URI url, Map<String, String> headers) {
        return send(url, headers);
    }

    /** Counts bytes read from a streamed body. */
    void count(TransferStats.Purpose purpose, long bytes) {
        stats.add(purpose, bytes);
    }

    private HttpResponse<InputStream> send(URI url, Map<String, String> headers) {
        HttpPolicy policy = HttpPolicy.current();
        URI bare = withoutUserInfo(url);
        HttpRequest.Builder builder = policy.get(bare);
        headers.forEach(builder::header);
        String auth = authorization(url);
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        HttpRequest request = builder.build();
        String what = "";
        Throwable cause = null;
        String retryAfter = null;
        int attempts = Math.min(retry.attempts(), policy.attempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Duration backoff = retry.delayAfter(attempt - 1);
                Duration capped = policy.delayAfter(attempt - 1, retryAfter);
                sleep(retryAfter != null ? capped : (backoff.compareTo(capped) < 0 ? backoff : capped));
            }
            stats.request();
            try {
                HttpResponse<InputStream> response = client().send(request, policy.bodyHandler());
                int status = response.statusCode();
                if (status < 500 && status != 429) {
                    return response;
                }
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                discard(response.body());
                what = "HTTP " + status;
                cause = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexUnavailableException("interrupted while fetching " + RedactedUrl.of(url) + "; run again", e);
            } catch (IOException e) {
                what = ExceptionWords.describe(e);
                cause = e;
                retryAfter = null;
            }
        }
        throw new IndexUnavailableException("the index host " + bare.getHost() + " failed " + attempts
                + " times for " + RedactedUrl.of(url) + " (last: " + what + "); check the URL and the network, then try again", cause);
    }

    private static void discard(Object body) {
        if (body instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the response is discarded anyway
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("interrupted while waiting to retry; run again", new InterruptedIOException());
        }
    }

    /** The Basic authorization for a URL: its userinfo, else credentials learnt for its host, else netrc. */
    private String authorization(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String info = url.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String user = decode(colon >= 0 ? info.substring(0, colon) : info);
            String password = colon >= 0 ? decode(info.substring(colon + 1)) : "";
            String header = basic(user, password);
            authorizationByHost.put(host + ":" + url.getPort(), header);
            return header;
        }
        String learnt = authorizationByHost.get(host + ":" + url.getPort());
        if (learnt != null) {
            return learnt;
        }
        return netrc.find(host).map(c -> basic(c.login(), c.password())).orElse(null);
    }

    /** Remembers the credentials of an index URL for its host (pip reuses them for file links on that host). */
    void learnCredentials(URI url) {
        if (url.getRawUserInfo() != null) {
            authorization(url);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.replaceFirst(java.util.regex.Pattern.quote(url.getRawUserInfo() + "@"), ""));
    }
}
