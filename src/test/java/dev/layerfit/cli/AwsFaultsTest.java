package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.aws.FakeAwsProfile;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * How the CLI reports AWS failures that moto cannot produce, against a loopback endpoint that answers with canned
 * Lambda errors: one line, the IAM action named, exit code 3 (2 for what the user must change), no credentials.
 */
class AwsFaultsTest {

    static CliRun listAgainst(java.net.URI endpoint, String... extra) {
        String[] base = {"layers", "list", "--name", "mylib", "--profile", FakeAwsProfile.install(), "--region",
            "us-east-1", "--endpoint-url", endpoint.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void accessDeniedNamesTheIamAction() throws Exception {
        try (var fake = new dev.layerfit.aws.FakeLambdaEndpointAccess().accessDenied()) {
            CliRun run = listAgainst(fake.uri());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("layerfit: access denied: the credentials in use may not perform "
                    + "lambda:ListLayerVersions on layer mylib; grant lambda:ListLayerVersions in the IAM policy of that "
                    + "user or role" + System.lineSeparator());
        }
    }

    @Test
    void credentialsNeverAppearEvenWithDebug() throws Exception {
        try (var fake = new dev.layerfit.aws.FakeLambdaEndpointAccess().accessDenied()) {
            CliRun run = listAgainst(fake.uri(), "--debug");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("Exception"); // the stack trace is there
            assertThat(run.out() + run.err()).doesNotContain(FakeAwsProfile.SECRET).doesNotContain(FakeAwsProfile.KEY_ID);
        }
    }

    @Test
    void throttlingIsRetriedWithBackoffThenExitsThree() throws Exception {
        try (var fake = new dev.layerfit.aws.FakeLambdaEndpointAccess().throttling()) {
            CliRun run = listAgainst(fake.uri());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("AWS throttled lambda:ListLayerVersions").contains("retries with backoff");
            assertThat(fake.requests()).isGreaterThan(1);
        }
    }

    @Test
    void anUnreachableEndpointIsANetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = listAgainst(java.net.URI.create("http://127.0.0.1:" + port));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("could not reach AWS").contains("--endpoint-url");
    }

    @Test
    void offlineRefusesToList() {
        CliRun run = CliRun.of("layers", "list", "--offline");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--offline: layers list needs the AWS API");
    }
}
