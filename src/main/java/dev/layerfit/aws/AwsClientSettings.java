package dev.layerfit.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach AWS. Every field may be null: then the SDK's standard chains decide (credentials: system properties,
 * environment, web identity, {@code ~/.aws} profiles, container and instance roles; region: {@code AWS_REGION},
 * the profile, instance metadata).
 *
 * @param profile     a named profile of {@code ~/.aws/config} / {@code ~/.aws/credentials} ({@code --profile})
 * @param region      a region name such as {@code eu-west-1} ({@code --region})
 * @param endpoint    an endpoint for Lambda and S3, for moto or LocalStack ({@code --endpoint-url})
 * @param credentials explicit credentials (tests); when set, {@code profile} is not used for credentials
 */
public record AwsClientSettings(String profile, String region, URI endpoint, AwsCredentialsProvider credentials) {

    /** The standard chains, nothing overridden. */
    public static AwsClientSettings standard() {
        return new AwsClientSettings(null, null, null, null);
    }

    @Override
    public String toString() {
        // never print credentials
        return "AwsClientSettings[profile=" + profile + ", region=" + region + ", endpoint=" + endpoint + "]";
    }
}
