package dev.layerfit.aws;

import dev.layerfit.archive.RandomAccessSource;
import java.net.URI;
import java.net.http.HttpClient;

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
        return new HttpRangeSource(client, URI.create(location), version.codeSize(), version.layerVersionArn());
    }
}
