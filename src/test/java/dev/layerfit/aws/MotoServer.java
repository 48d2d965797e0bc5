package dev.layerfit.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A running moto server (ours or the one {@code LAYERFIT_MOTO_URL} names), with fake credentials for it. */
public final class MotoServer {

    /** Fake credentials; never from the real environment. */
    public static final AwsCredentialsProvider FAKE_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final URI uri;
    private final HttpClient http = HttpClient.newHttpClient();

    MotoServer(URI uri) {
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }

    /** Client settings for this server in {@code region}, with {@link #FAKE_CREDENTIALS}. */
    public AwsClientSettings settings(String region) {
        return new AwsClientSettings(null, region, uri, FAKE_CREDENTIALS);
    }

    /** Forgets every resource (POST /moto-api/reset). */
    public void reset() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + uri + " did not answer a reset: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates an IAM role Lambda functions can name (moto checks that a function's role exists), through IAM's
     * query API; returns its ARN. Creating one that exists is fine.
     */
    public String createRole(String name) {
        String body = "Action=CreateRole&Version=2010-05-08&RoleName=" + name + "&AssumeRolePolicyDocument=%7B%7D";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri.resolve("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 409) {
                throw new IllegalStateException("moto CreateRole answered HTTP " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + uri + " did not answer CreateRole: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return "arn:aws:iam::123456789012:role/" + name;
    }

    boolean answers() {
        try {
            http.send(HttpRequest.newBuilder(uri.resolve("/moto-api/")).GET().build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
