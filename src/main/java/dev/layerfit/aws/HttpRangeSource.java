package dev.layerfit.aws;

import dev.layerfit.archive.LocalFileSource;
import dev.layerfit.archive.RandomAccessSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A remote file read by HTTP range requests (RFC 9110 §14): each {@link #readFully} is one
 * {@code Range: bytes=first-last} request answered by 206. When the server ignores Range and answers 200 with the
 * whole body, the body is saved once to a temporary file and every later read is local (a full download, the
 * fallback). Failures are {@link ArtifactDownloadException}s; the URL's query (a presigned signature) is never put in
 * a message.
 */
public final class HttpRangeSource implements RandomAccessSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final URI uri;
    private final long size;
    private final String label;
    private Path downloaded;
    private LocalFileSource whole;

    /**
     * @param size  the file's length, known beforehand (Lambda's CodeSize)
     * @param label what to call it in messages (the layer version ARN)
     */
    public HttpRangeSource(HttpClient client, URI uri, long size, String label) {
        this.client = client;
        this.uri = uri;
        this.size = size;
        this.label = label;
    }

    @Override
    public long size() {
        return size;
    }

    /** Whether the server ignored Range and the whole file was downloaded instead. */
    public synchronized boolean fellBackToFullDownload() {
        return whole != null;
    }

    @Override
    public synchronized void readFully(long offset, byte[] buf, int off, int len) throws IOException {
        if (offset < 0 || len < 0 || offset > size - len) {
            throw new EOFException(label + ": cannot read " + len + " bytes at offset " + offset + " of " + size);
        }
        if (whole != null) {
            whole.readFully(offset, buf, off, len);
            return;
        }
        if (len == 0) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Range", "bytes=" + offset + "-" + (offset + len - 1)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 206) {
                    readRange(body, response, offset, buf, off, len);
                } else if (response.statusCode() == 200) {
                    saveWhole(body);
                    whole.readFully(offset, buf, off, len);
                } else {
                    throw new ArtifactDownloadException("downloading " + label + " from " + host() + " failed with HTTP "
                            + response.statusCode() + (response.statusCode() == 403
                                    ? " (the presigned URL may have expired)" : "") + "; run again", null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactDownloadException("downloading " + label + " was interrupted", e);
        } catch (IOException e) {
            throw new ArtifactDownloadException("the connection to " + host() + " failed while downloading " + label
                    + " (" + e.getClass().getSimpleName() + "); check the network and run again", e);
        }
    }

    private void readRange(InputStream body, HttpResponse<?> response, long offset, byte[] buf, int off, int len)
            throws IOException {
        String contentRange = response.headers().firstValue("Content-Range").orElse("");
        if (!contentRange.startsWith("bytes " + offset + "-")) {
            throw new ArtifactDownloadException(host() + " answered a request for bytes " + offset + "+ of " + label
                    + " with the range '" + contentRange + "'; run again", null);
        }
        int n = body.readNBytes(buf, off, len);
        if (n < len) {
            throw new ArtifactDownloadException("the download of " + label + " from " + host() + " stopped after " + n
                    + " of " + len + " bytes (connection lost); check the network and run again", null);
        }
    }

    private void saveWhole(InputStream body) throws IOException {
        Path file = Files.createTempFile("layerfit-layer-", ".zip");
        long copied;
        try (OutputStream out = Files.newOutputStream(file)) {
            copied = body.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (copied != size) {
            Files.deleteIfExists(file);
            throw new ArtifactDownloadException("the download of " + label + " from " + host() + " stopped after "
                    + copied + " of " + size + " bytes (connection lost, or the file changed); run again", null);
        }
        downloaded = file;
        whole = LocalFileSource.open(file);
    }

    private String host() {
        return uri.getHost() == null ? "the server" : uri.getHost();
    }

    @Override
    public synchronized void close() throws IOException {
        if (whole != null) {
            whole.close();
            whole = null;
        }
        if (downloaded != null) {
            Files.deleteIfExists(downloaded);
            downloaded = null;
        }
    }
}
