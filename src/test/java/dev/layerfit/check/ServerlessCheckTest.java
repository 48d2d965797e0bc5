package dev.layerfit.check;

import static dev.layerfit.check.CdkCheckTest.byName;
import static dev.layerfit.check.CdkCheckTest.check;
import static dev.layerfit.check.CdkCheckTest.copy;
import static dev.layerfit.check.CdkCheckTest.deleteTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerfit check} on the real {@code serverless package} output of examples/serverless-service, and
 * on the same service with its package removed (read from serverless.yml): the same bytes both ways.
 */
class ServerlessCheckTest {

    static final Path SERVICE = Path.of("examples/serverless-service");
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:79";
    /** The deps layer zip (177 bytes unzipped) stands in for the Powertools layer, so every function is measured. */
    static final String MAPPING = POWERTOOLS + "=" + SERVICE.resolve(".serverless/deps.zip");

    @TempDir
    Path temp;

    @Test
    void thePackagedServiceIsMeasuredToTheByte() throws IOException {
        CliRun r = check("check", SERVICE, "--offline", "--layer", MAPPING, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> fns = byName(new ObjectMapper().readTree(r.out()));
        assertThat(fns.keySet()).containsExactly("api", "worker", "cron");
        // deps.zip 177 + Powertools (mapped) 177 + the service zip 156; worker.zip 49
        assertThat(fns.get("api").get("totalUnzippedBytes").asLong()).isEqualTo(510);
        assertThat(fns.get("worker").get("totalUnzippedBytes").asLong()).isEqualTo(226);
        assertThat(fns.get("cron").get("totalUnzippedBytes").asLong()).isEqualTo(333);
        assertThat(fns.get("api").get("artifacts")).extracting(a -> a.get("ref").asText())
                .containsExactly("DepsLambdaLayer", POWERTOOLS, "function");
        int apiLine = java.nio.file.Files.readAllLines(SERVICE.resolve("serverless.yml")).indexOf("  api:") + 1;
        assertThat(apiLine).isPositive();
        assertThat(fns.get("api").get("definedAt").asText()).isEqualTo(SERVICE.resolve("serverless.yml") + ":" + apiLine);
    }

    @Test
    void serverlessYmlAloneGivesTheSameBytesAsThePackage() throws IOException {
        Path svc = copy(SERVICE, temp.resolve("svc"));
        deleteTree(svc.resolve(".serverless"));
        CliRun r = check("check", svc, "--kind", "serverless", "--stage", "prod", "--offline", "--layer",
                POWERTOOLS + "=" + SERVICE.resolve(".serverless/deps.zip"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        Map<String, JsonNode> fns = byName(json);
        assertThat(fns.get("api").get("totalUnzippedBytes").asLong()).isEqualTo(510);
        assertThat(fns.get("worker").get("totalUnzippedBytes").asLong()).isEqualTo(226);
        assertThat(fns.get("cron").get("totalUnzippedBytes").asLong()).isEqualTo(333);
        assertThat(json.get("deploymentNotes").toString()).contains("read from " + svc.resolve("serverless.yml") + " alone");
    }

    @Test
    void anUnresolvableVariableIsOneSentenceNamingTheFunctionAndTheRestIsChecked() throws IOException {
        Path svc = copy(SERVICE, temp.resolve("svc"));
        deleteTree(svc.resolve(".serverless"));
        Path yml = svc.resolve("serverless.yml");
        Files.writeString(yml, Files.readString(yml).replace("      - arn:aws:lambda:eu-west-1:017000801446:layer:"
                + "AWSLambdaPowertoolsPythonV2:79\n  worker:", "      - ${cf:shared.LayerArn}\n  worker:"));
        CliRun r = check("check", svc, "--offline", "--layer", MAPPING, "--json");
        Map<String, JsonNode> fns = byName(new ObjectMapper().readTree(r.out()));
        assertThat(fns.get("api").get("notChecked").asText()).isEqualTo("layer 2 of function api is "
                + "${cf:shared.LayerArn}, which layerfit cannot resolve (cf: values are read from AWS or a plugin when "
                + "serverless runs)");
        assertThat(fns.get("worker").get("totalUnzippedBytes").asLong()).isEqualTo(226);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingZipIsOneSentenceNamingTheFunction() throws IOException {
        Path svc = copy(SERVICE, temp.resolve("svc"));
        Files.delete(svc.resolve(".serverless/worker.zip"));
        CliRun r = check("check", svc, "--offline", "--layer", MAPPING, "--json");
        Map<String, JsonNode> fns = byName(new ObjectMapper().readTree(r.out()));
        assertThat(fns.get("worker").get("notChecked").asText()).isEqualTo("the package of function worker, "
                + "worker.zip, is missing from " + svc.resolve(".serverless") + "; run serverless package again");
        assertThat(fns.get("api").get("checked").asBoolean()).isTrue();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aFolderWithTwoKindsAsksForKind() throws IOException {
        Path svc = copy(SERVICE, temp.resolve("svc"));
        Files.writeString(svc.resolve("cdk.json"), "{\"app\": \"node app.js\"}");
        CliRun r = check("check", svc);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("serverless (serverless.yml, "
                + ".serverless/cloudformation-template-update-stack.json)").contains("cdk (cdk.json)")
                .contains("pass --kind");
    }
}
