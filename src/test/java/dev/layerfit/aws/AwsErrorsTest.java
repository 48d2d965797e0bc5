package dev.layerfit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Lambda errors through the real SDK from a loopback endpoint, turned into one helpful sentence. */
class AwsErrorsTest {

    @TempDir
    Path dir;

    static LambdaClient client(FakeLambdaEndpoint fake) {
        return AwsClients.of(new AwsClientSettings(null, "us-east-1", fake.uri(), MotoServer.FAKE_CREDENTIALS)).lambda();
    }

    @Test
    void aRequestTooLargeFromAnInlineUploadSaysToUseS3() throws Exception {
        // the SDK does not model this 413: it arrives as a plain LambdaException with statusCode 413
        try (FakeLambdaEndpoint fake = new FakeLambdaEndpoint(413, "RequestEntityTooLargeException",
                "Request must be smaller than 70167211 bytes for the PublishLayerVersion operation");
                LambdaClient lambda = client(fake)) {
            Path zip = LayerZips.small(dir, "x");
            assertThatThrownBy(() -> new SdkLayerStore(lambda).publish("big", "", List.of(), List.of(),
                    new LayerContent.Inline(zip)))
                    .isInstanceOf(UploadTooLargeException.class)
                    .hasMessageContaining("HTTP 413").hasMessageContaining("--s3-bucket")
                    .satisfies(e -> assertThat(((UploadTooLargeException) e).kind().exitCode()).isEqualTo(2));
        }
    }

    @Test
    void accessDeniedOnPublishNamesPublishLayerVersion() throws Exception {
        try (FakeLambdaEndpoint fake = new FakeLambdaEndpoint(403, "AccessDeniedException", "not authorized");
                LambdaClient lambda = client(fake)) {
            Path zip = LayerZips.small(dir, "x");
            assertThatThrownBy(() -> new SdkLayerStore(lambda).publish("mylib", "", List.of(), List.of(),
                    new LayerContent.Inline(zip)))
                    .isInstanceOf(AwsAccessDeniedException.class)
                    .hasMessageContaining("grant lambda:PublishLayerVersion");
        }
    }

    @Test
    void deleteOfAMissingLayerIsNotFound() throws Exception {
        try (FakeLambdaEndpoint fake = new FakeLambdaEndpoint(404, "ResourceNotFoundException", "Layer not found");
                LambdaClient lambda = client(fake)) {
            assertThatThrownBy(() -> new SdkLayerStore(lambda).deleteVersion("mylib", 4))
                    .isInstanceOf(LayerNotFoundException.class)
                    .hasMessageContaining("layer mylib version 4 does not exist");
        }
    }

    @Test
    void rejectedCredentialsSayHowToRefreshThem() throws Exception {
        try (FakeLambdaEndpoint fake = new FakeLambdaEndpoint(403, "UnrecognizedClientException",
                "The security token included in the request is invalid");
                LambdaClient lambda = client(fake)) {
            assertThatThrownBy(() -> new SdkLayerStore(lambda).listVersions("mylib"))
                    .isInstanceOf(AwsCredentialsException.class)
                    .hasMessageContaining("rejected the credentials").hasMessageContaining("aws configure");
        }
    }
}
