package dev.layerfit.aws;

import dev.layerfit.archive.HttpRangeSource;
import dev.layerfit.archive.RandomAccessSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a layer version's zip from the presigned {@code Content.Location} URL by HTTP range requests. */
public final class HttpArtifactFetcher implements ArtifactFetcher {

    private final HttpClient client;

    public HttpArtifactFetcher(HttpClient client) {
        this.client = client;
    }

    /** A fetcher on a new JDK HTTP client that follows redirects. */
    public static HttpArtifactFetcher create() {
        return new HttpArtifactFetcher(dev.layerfit.http.HttpPolicy.current().newClient());
    }

    @Override
    public RandomAccessSource open(LayerVersion version) {
        String location = version.location();
        if (location == null || !(location.startsWith("https://") || location.startsWith("http://"))) {
            throw new ArtifactDownloadException("Lambda gave no downloadable location for " + version.layerVersionArn()
                    + " (got '" + (location == null ? "" : location.replaceAll("\\?.*", "?...")) + "'), so its content cannot "
                    + "be read from AWS", null);
        }
        return source(client, URI.create(location), version.codeSize(), version.layerVersionArn());
    }

    /**
     * A ranged source over a presigned URL: the size is Lambda's CodeSize, a 200 answer is saved to a temporary file
     * deleted on close, and every failure is an {@link ArtifactDownloadException} (a network error, exit 3) that
     * names the layer version, never the URL (its query is a signature).
     */
    public static RandomAccessSource source(HttpClient client, URI uri, long size, String label) {
        String host = uri.getHost() == null ? "the server" : uri.getHost();
        HttpRangeSource.Transport transport = range -> {
            dev.layerfit.http.HttpPolicy policy = dev.layerfit.http.HttpPolicy.current();
            HttpRequest request = policy.get(uri).header("Range", range).build();
            try {
                HttpResponse<InputStream> r = client.send(request, policy.bodyHandler());
                return new HttpRangeSource.Answer(r.statusCode(), r.headers().firstValue("Content-Range").orElse(null), r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArtifactDownloadException("downloading " + label + " was interrupted", e);
            }
        };
        HttpRangeSource.Failures failures = new HttpRangeSource.Failures() {
            @Override
            public RuntimeException badAnswer(String sentence, int status) {
                return new ArtifactDownloadException(host + ": " + sentence + (status == 403
                        ? " (the presigned URL may have expired)" : "") + "; run again", null);
            }

            @Override
            public RuntimeException lost(String sentence, IOException cause) {
                return new ArtifactDownloadException(sentence + " from " + host + "; check the network and run again", cause);
            }
        };
        return HttpRangeSource.open(transport, label, HttpRangeSource.ZIP_TAIL, size, body -> {
            Path file = dev.layerfit.io.TempFiles.createFile(Path.of(System.getProperty("java.io.tmpdir")), "layerfit-layer-", ".zip");
            long copied = 0;
            // the body stops at the announced size (Lambda's CodeSize): a server that ignores Range and sends more, or
            // never ends, is cut off at size + 1 bytes instead of being read for hundreds of MB
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; copied <= size && (n = body.read(buf, 0, (int) Math.min(buf.length, size + 1 - copied))) >= 0; ) {
                    out.write(buf, 0, n);
                    copied += n;
                }
            } catch (IOException e) {
                dev.layerfit.io.TempFiles.delete(file);
                throw e;
            }
            if (copied > size) {
                dev.layerfit.io.TempFiles.delete(file);
                throw new ArtifactDownloadException("the download of " + label + " from " + host + " sent more than the "
                        + size + " bytes Lambda announced; the URL does not serve this layer, run again", null);
            }
            return new HttpRangeSource.Stored(file, true);
        }, failures);
    }
}
