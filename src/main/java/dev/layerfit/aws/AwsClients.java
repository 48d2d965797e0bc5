package dev.layerfit.aws;

import dev.layerfit.http.HttpPolicy;
import java.time.Duration;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.PartitionMetadata;

/**
 * Builds SDK clients from {@link AwsClientSettings}, on the JDK's {@code HttpURLConnection} (no Netty or Apache
 * client: a faster start for a CLI). Retries use the SDK's standard strategy (exponential backoff with jitter,
 * throttling errors included).
 */
public final class AwsClients {

    private final AwsClientSettings settings;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    private AwsClients(AwsClientSettings settings, Region region, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * Resolves the region now (so that a missing one is reported clearly); credentials are resolved on first call.
     *
     * @throws AwsCredentialsException when no region is configured anywhere
     */
    public static AwsClients of(AwsClientSettings settings) {
        return of(settings, System::getenv);
    }

    /**
     * As {@link #of(AwsClientSettings)}, reading environment variables through {@code env}.
     *
     * <p>The region is chosen as the AWS CLI chooses it (AWS CLI v2 user guide, "Environment variables to configure
     * the AWS CLI"): {@code --region}, then {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, then the profile's
     * {@code region} (and the SDK's remaining sources: instance metadata). The SDK alone does not read
     * {@code AWS_DEFAULT_REGION}.
     */
    public static AwsClients of(AwsClientSettings settings, UnaryOperator<String> env) {
        return new AwsClients(settings, resolveRegion(settings, env), credentialsFor(settings));
    }

    /** The region the clients talk to. */
    public Region region() {
        return region;
    }

    public LambdaClient lambda() {
        var b = LambdaClient.builder()
                .httpClientBuilder(httpClient(Duration.ZERO))
                .overrideConfiguration(overrides(Duration.ZERO))
                .region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        return b.build();
    }

    public S3Client s3() {
        // an upload of up to 250 MB gets more time than an API call
        var b = S3Client.builder()
                .httpClientBuilder(httpClient(Duration.ofMinutes(10)))
                .overrideConfiguration(overrides(Duration.ofMinutes(10)))
                .region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint()).forcePathStyle(true);
        }
        return b.build();
    }

    /** The ARN partition of the region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...). */
    public String partition() {
        return PartitionMetadata.of(region).id();
    }

    /** The account these credentials belong to (STS GetCallerIdentity, which needs no IAM permission). */
    public String accountId() {
        var b = StsClient.builder()
                .httpClientBuilder(httpClient(Duration.ZERO))
                .overrideConfiguration(overrides(Duration.ZERO))
                .region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        try (StsClient sts = b.build()) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "sts:GetCallerIdentity", "the account of these credentials");
        }
    }

    /** The SDK's HTTP client on the one HTTP policy: its connect timeout, its read timeout per socket read. */
    private static UrlConnectionHttpClient.Builder httpClient(Duration extra) {
        HttpPolicy policy = HttpPolicy.current();
        return UrlConnectionHttpClient.builder().connectionTimeout(policy.connectTimeout())
                .socketTimeout(policy.readTimeout().plus(extra));
    }

    /**
     * The policy's deadline per attempt (body included) and its number of tries, with the SDK's standard back-off
     * (throttling included); the whole call is bounded by the tries' deadlines together.
     */
    private static ClientOverrideConfiguration overrides(Duration extra) {
        HttpPolicy policy = HttpPolicy.current();
        Duration attempt = policy.requestDeadline().plus(extra);
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(attempt)
                .apiCallTimeout(attempt.multipliedBy(policy.attempts()).plus(policy.maxRetryAfter().multipliedBy(policy.attempts())))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(policy.attempts())
                        // the SDK waits up to 20 s between throttled tries; the policy caps waits like Retry-After
                        .backoffStrategy(software.amazon.awssdk.retries.api.BackoffStrategy.exponentialDelay(
                                Duration.ofMillis(100), policy.maxRetryAfter()))
                        .throttlingBackoffStrategy(software.amazon.awssdk.retries.api.BackoffStrategy.exponentialDelay(
                                Duration.ofMillis(500), policy.maxRetryAfter()))
                        .build())
                .build();
    }

    private static AwsCredentialsProvider credentialsFor(AwsClientSettings s) {
        if (s.credentials() != null) {
            return s.credentials();
        }
        if (s.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(s.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Region resolveRegion(AwsClientSettings s, UnaryOperator<String> env) {
        if (s.region() != null) {
            LambdaInputs.region(s.region());
            return Region.of(s.region());
        }
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.apply(variable);
            if (value != null && !value.isBlank()) {
                return Region.of(value.trim());
            }
        }
        try {
            var chain = DefaultAwsRegionProviderChain.builder();
            if (s.profile() != null) {
                chain.profileName(s.profile());
            }
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new AwsCredentialsException("no AWS region is configured"
                    + (s.profile() == null ? "" : " for profile '" + s.profile() + "'")
                    + "; pass --region (e.g. --region eu-west-1), set AWS_REGION or AWS_DEFAULT_REGION, or add region = ... to the profile "
                    + "in ~/.aws/config", e);
        }
    }
}
