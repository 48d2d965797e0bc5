package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    private static final String BOTO = "An error occurred (InvalidParameterValueException) when calling the "
            + "UpdateFunctionCode operation: Unzipped size must be smaller than 85207199 bytes";

    @Test
    void explainsForPeople() {
        CliRun run = CliRun.of("explain", BOTO);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("[function-too-large-for-layers]")
                .contains("Operation: UpdateFunctionCode")
                .contains("176,936,801 bytes (168.7 MiB")
                .contains("under 85,207,199 bytes")
                .contains("What to do:", "1. Run `layerfit check`");
    }

    @Test
    void unquotedWordsAreJoined() {
        CliRun run = CliRun.of("explain", "Cannot", "reference", "more", "than", "5", "layers");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("[too-many-layers]");
    }

    @Test
    void jsonHasTheContractKeys() throws Exception {
        CliRun run = CliRun.of("explain", "--json", BOTO);
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("recognized").asBoolean()).isTrue();
        assertThat(json.get("error").asText()).isEqualTo("function-too-large-for-layers");
        assertThat(json.get("numbers").get("limitBytes").asLong()).isEqualTo(85_207_199L);
        assertThat(json.get("numbers").get("layersBytes").asLong()).isEqualTo(176_936_801L);
        assertThat(json.get("operation").asText()).isEqualTo("UpdateFunctionCode");
        assertThat(json.get("meaning").asText()).contains("176,936,801");
        assertThat(json.get("actions").size()).isGreaterThan(2);
    }

    @Test
    void unknownTextIsExitTwoAndListsWhatIsKnown() {
        CliRun run = CliRun.of("explain", "ResourceNotFoundException: Function not found");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("holds no AWS Lambda size, layer or storage error")
                .contains("Unzipped size must be smaller than N bytes", "Cannot reference more than N layers",
                        "Request must be smaller than N bytes for the OPERATION operation");
    }

    @Test
    void unknownTextInJsonSaysNotRecognized() throws Exception {
        CliRun run = CliRun.of("explain", "--json", "nothing to see");
        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("recognized").asBoolean()).isFalse();
        assertThat(json.get("known").size()).isEqualTo(dev.layerfit.lambda.AwsError.values().length).isEqualTo(12);
    }

    @Test
    void dashReadsAWholeDeployLogFromStandardInput() {
        String log = "Creating deployment package.\nUpdating lambda function: shop-api-dev\nTraceback (most recent call last):\n"
                + "  File \"chalice/deploy/deployer.py\", line 376, in deploy\n"
                + "botocore.errorfactory.InvalidParameterValueException: An error occurred (InvalidParameterValueException) "
                + "when calling the UpdateFunctionConfiguration operation: Cannot reference more than 5 layers.\n";
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("explain", "-");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("[too-many-layers]", "Operation: UpdateFunctionConfiguration");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void missingTextIsUsageError() {
        CliRun run = CliRun.of("explain");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("AWS_ERROR_TEXT");
    }
}
