package dev.layerfit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Which region a call goes to: the ARN's for a layer named by ARN, else the AWS CLI's order of sources. */
@ExtendWith(MotoServerExtension.class)
class RegionChoiceMotoTest {

    @TempDir
    Path dir;

    @Test
    void awsDefaultRegionIsHonouredAfterAwsRegionAndBeforeTheProfile() {
        String profile = FakeAwsProfile.install(); // its config says us-east-1
        AwsClientSettings settings = new AwsClientSettings(profile, null, null, MotoServer.FAKE_CREDENTIALS);

        assertThat(AwsClients.of(settings, Map.<String, String>of()::get).region().id()).isEqualTo("us-east-1");
        assertThat(AwsClients.of(settings, Map.of("AWS_DEFAULT_REGION", "eu-west-3")::get).region().id())
                .isEqualTo("eu-west-3");
        assertThat(AwsClients.of(settings, Map.of("AWS_DEFAULT_REGION", "eu-west-3", "AWS_REGION", "sa-east-1")::get)
                .region().id()).isEqualTo("sa-east-1");
        AwsClientSettings explicit = new AwsClientSettings(profile, "ap-south-1", null, MotoServer.FAKE_CREDENTIALS);
        assertThat(AwsClients.of(explicit, Map.of("AWS_DEFAULT_REGION", "eu-west-3")::get).region().id())
                .isEqualTo("ap-south-1");
    }
}
