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
import dev.layerfit.http.HttpPolicy;

/**
 * A remote file read by HTTP range requests (RFC 9110 §14): each {@link #readFully} is one
 * {@code Range: bytes=first-last} request answered by 206. When the server ignores Range and answers 200 with the
 * whole body, the body is saved once to a temporary file and every later read is local (a full download, the
 * fallback). Failures are {@link ArtifactDownloadException}s; the URL's query (a presigned signature) is never put in
 * a message.
 */
public final class HttpRangeSource implements RandomAccessSource {

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
        HttpPolicy policy = HttpPolicy.current();
        HttpRequest request = policy.get(uri).header("Range", "bytes=" + offset + "-" + (offset + len - 1)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, policy.bodyHandler());
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
                    + " (" + dev.layerfit.error.ExceptionWords.describe(e) + "); check the network and run again", e);
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
        Path file = dev.layerfit.io.TempFiles.register(Files.createTempFile("layerfit-layer-", ".zip"));
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
            Files.deleteIfExists(file);
            dev.layerfit.io.TempFiles.release(file);
            throw e;
        }
        if (copied > size) {
            Files.deleteIfExists(file);
            dev.layerfit.io.TempFiles.release(file);
            throw new ArtifactDownloadException("the download of " + label + " from " + host() + " sent more than the "
                    + size + " bytes Lambda announced; the URL does not serve this layer, run again", null);
        }
        if (copied != size) {
            Files.deleteIfExists(file);
            dev.layerfit.io.TempFiles.release(file);
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
            dev.layerfit.io.TempFiles.release(downloaded);
            downloaded = null;
        }
    }
}
