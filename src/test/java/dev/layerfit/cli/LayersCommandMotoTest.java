package dev.layerfit.cli;

import static dev.layerfit.cli.PublishCommandMotoTest.REGION;
import static dev.layerfit.cli.PublishCommandMotoTest.aws;
import static dev.layerfit.cli.PublishCommandMotoTest.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.LayerVersion;
import dev.layerfit.aws.MotoServer;
import dev.layerfit.aws.MotoServerExtension;
import dev.layerfit.aws.SdkLayerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code layerfit layers list|prune} end to end against moto. */
@ExtendWith(MotoServerExtension.class)
class LayersCommandMotoTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARN = "arn:aws:lambda:ap-northeast-2:123456789012:layer:mylib:";

    @TempDir
    Path dir;

    @BeforeEach
    void publishThreeVersions(MotoServer moto) throws Exception {
        for (String marker : List.of("one", "two", "three")) {
            CliRun run = CliRun.of(aws(moto, "publish", zip(dir, marker).toString(), "--name", "mylib",
                    "--runtime", "python3.12", "--description", "build " + marker));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    static List<Long> versions(MotoServer moto) {
        try (LambdaClient lambda = AwsClients.of(moto.settings(REGION)).lambda()) {
            return new SdkLayerStore(lambda).listVersions("mylib").stream().map(LayerVersion::version).toList();
        }
    }

    @Test
    void listShowsEveryVersionNewestFirst(MotoServer moto) throws Exception {
        CliRun json = CliRun.of(aws(moto, "layers", "list", "--name", "mylib", "--json"));
        CliRun human = CliRun.of(aws(moto, "layers", "list", "--name", "mylib"));
        CliRun all = CliRun.of(aws(moto, "layers", "list", "--json"));

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode layers = JSON.readTree(json.out()).get("layers");
        assertThat(layers).hasSize(3);
        assertThat(layers.get(0).get("version").asLong()).isEqualTo(3);
        assertThat(layers.get(0).get("layerVersionArn").asText()).isEqualTo(ARN + "3");
        assertThat(layers.get(0).get("description").asText()).isEqualTo("build three");
        assertThat(layers.get(0).get("compatibleRuntimes").get(0).asText()).isEqualTo("python3.12");
        List<String> lines = human.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("LAYER").contains("VERSION").contains("DESCRIPTION");
        assertThat(lines.get(1)).startsWith("mylib").contains(" 3 ").endsWith("build three");
        assertThat(JSON.readTree(all.out()).get("layers")).hasSize(1);
    }

    @Test
    void unzippedReportsEachUnreadableVersionInItsRowAndListsTheRest(MotoServer moto) throws Exception {
        // moto answers GetLayerVersion with a Location that is not downloadable: every row's size is unreadable
        CliRun json = CliRun.of(aws(moto, "layers", "list", "--name", "mylib", "--unzipped", "--json"));
        CliRun human = CliRun.of(aws(moto, "layers", "list", "--name", "mylib", "--unzipped"));

        assertThat(json.exitCode()).as(json.err()).isEqualTo(3);
        JsonNode layers = JSON.readTree(json.out()).get("layers");
        assertThat(layers).hasSize(3);
        for (JsonNode row : layers) {
            assertThat(row.get("layerVersionArn").asText()).startsWith(ARN);
            assertThat(row.at("/error/message").asText()).contains("no downloadable location").doesNotContain("--layer");
        }
        assertThat(human.exitCode()).isEqualTo(3);
        assertThat(human.out().lines()).hasSize(4).allMatch(l -> !l.contains("--layer"));
        assertThat(human.out().lines().skip(1)).allMatch(l -> l.contains("see below"));
        assertThat(human.err().lines()).hasSize(3).allMatch(l -> l.startsWith("layerfit: mylib:") && !l.contains("--layer"));
    }

    @Test
    void listOfAnUnknownLayerIsBadInput(MotoServer moto) {
        CliRun run = CliRun.of(aws(moto, "layers", "list", "--name", "nope"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'nope' has no versions in ap-northeast-2");
    }

    @Test
    void pruneWithoutYesOnlyListsWhatItWouldDelete(MotoServer moto) {
        CliRun run = CliRun.of(aws(moto, "layers", "prune", "--name", "mylib", "--keep", "1"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("keep    " + ARN + "3").contains("delete  " + ARN + "2")
                .contains("delete  " + ARN + "1").contains("pass --yes");
        assertThat(versions(moto)).containsExactly(3L, 2L, 1L);
    }

    @Test
    void pruneKeepOneYesLeavesOneVersion(MotoServer moto) throws Exception {
        CliRun run = CliRun.of(aws(moto, "layers", "prune", "--name", "mylib", "--keep", "1", "--yes", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("deleted").asBoolean()).isTrue();
        assertThat(out.get("delete")).extracting(n -> n.get("version").asLong()).containsExactly(2L, 1L);
        assertThat(versions(moto)).containsExactly(3L);
    }

    @Test
    void pruneNeverDeletesAVersionTheConfigReferences(MotoServer moto) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"app_name\": \"x\", \"stages\": {\"prod\": {\"lambda_functions\": {\"worker\": "
                + "{\"layers\": [\"" + ARN + "1\"]}}}}}");
        CliRun run = CliRun.of(aws(moto, "layers", "prune", "--name", "mylib", "--keep", "1", "--yes",
                "--config", config.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("keep    " + ARN + "1  (referenced by " + config + ")")
                .contains("deleted " + ARN + "2");
        assertThat(versions(moto)).containsExactly(3L, 1L);
    }

    @Test
    void pruneWithAConfigThatIsNotJsonDeletesNothing(MotoServer moto) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), "{\"layers\": [");
        CliRun run = CliRun.of(aws(moto, "layers", "prune", "--name", "mylib", "--keep", "0", "--yes",
                "--config", config.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(config.toString()).contains("fix the JSON");
        assertThat(versions(moto)).containsExactly(3L, 2L, 1L);
    }
}
