package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.MotoServer;
import dev.layerfit.aws.MotoServerExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A function whose code cannot be read (moto's code {@code Location} is not downloadable) is "not measured", never
 * "does not fit": the audit says so, its JSON row has {@code "fits": null}, and the exit code is 3, not 1.
 */
@ExtendWith(MotoServerExtension.class)
class AuditNotMeasuredMotoTest {

    @Test
    void aFunctionThatCannotBeReadIsNotMeasuredNotFailing(MotoServer moto) throws Exception {
        moto.reset();
        String role = moto.createRole("audit-role");
        byte[] code = zip();
        try (LambdaClient lambda = AwsClients.of(moto.settings(PublishCommandMotoTest.REGION)).lambda()) {
            lambda.createFunction(b -> b.functionName("unreadable").runtime("python3.12").role(role).handler("app.handler")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        }

        CliRun text = CliRun.of(PublishCommandMotoTest.aws(moto, "audit"));
        assertThat(text.exitCode()).as(text.err()).isEqualTo(3);
        assertThat(text.err().strip().lines()).singleElement().asString()
                .startsWith("layerfit: 1 of 1 function could not be measured (ap-northeast-2/unreadable: ");
        assertThat(text.out()).contains("unreadable").contains("not measured: ")
                .contains("1 not measured (the table says why)").doesNotContain("do not fit").doesNotContain("DOES NOT FIT");

        CliRun json = CliRun.of(PublishCommandMotoTest.aws(moto, "audit", "--json"));
        assertThat(json.exitCode()).isEqualTo(3);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("fits").asBoolean()).isTrue();
        assertThat(root.path("notMeasured").asInt()).isEqualTo(1);
        assertThat(root.path("functions").get(0).path("fits").isNull()).isTrue();
        assertThat(root.path("functions").get(0).path("error").asText()).isNotBlank();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("app.py"));
            out.write("def handler(e, c):\n    return 1\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
