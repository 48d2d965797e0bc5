package dev.layerfit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.OwnCacheExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerfit check} end to end on the SAM, CloudFormation and Terraform examples: the readers are found from
 * the folder's files (or forced with --kind), and the bytes reported are the bytes of the files the deploy ships.
 */
class TemplateReadersCheckTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    @TempDir
    Path tmp;

    private static JsonNode json(CliRun r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    private static long size(String path) throws Exception {
        return Files.size(Path.of(path));
    }

    @Test
    void terraformPlanIsCheckedWithTheLayerTracedAndArchiveSourcesMeasured() throws Exception {
        CliRun r = CliRun.of("check", "examples/terraform");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                Deployment of Terraform plan examples/terraform/plan.json, function api
                
                            artifact  unzipped  zipped  of 250 MiB
                  layer 1   deps          46 B   270 B        0.0%
                  function  function      84 B   193 B        0.0%
                  total                  130 B                0.0%
                
                Limits
                  ok    unzipped-total        130 bytes unzipped, must be under 262,144,000 (250.0 MiB to spare)
                  ok    layer-count           1 layer of at most 5
                  ok    zipped-direct-upload  deps: 270 B zipped, at most 50.0 MiB for a direct upload
                  ok    zipped-direct-upload  function: 193 B zipped, at most 50.0 MiB for a direct upload
                
                Note: aws_lambda_layer_version.deps: ./build/deps.zip is not built yet; measured data.archive_file.deps's source_dir ./layer as the zip will hold it
                Note: aws_lambda_function.api: ./build/api.zip is not built yet; measured data.archive_file.api's source_dir ./src/api as the zip will hold it
                
                FITS: 130 bytes unzipped, 250.0 MiB under the 250 MiB limit.
                """);
        CliRun j = CliRun.of("check", "examples/terraform", "--json");
        JsonNode artifacts = json(j).get("artifacts");
        assertThat(artifacts.get(0).get("ref").asText()).isEqualTo("aws_lambda_layer_version.deps");
        assertThat(artifacts.get(0).get("unzippedBytes").asLong()).isEqualTo(size("examples/terraform/layer/python/greeting.py"));
        assertThat(artifacts.get(1).get("unzippedBytes").asLong()).isEqualTo(size("examples/terraform/src/api/handler.py"));
        assertThat(json(j).get("deployTool").asText()).isEqualTo("terraform apply");
    }

    @Test
    void cloudFormationTemplateWithParameterOverrides() throws Exception {
        CliRun r = CliRun.of("check", "examples/cloudformation", "--parameter-overrides", "Stage=prod");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                Deployment of CloudFormation template examples/cloudformation/stack.yaml: 2 functions
                
                        function        layers  unzipped  of 250 MiB
                  ok    OrdersFunction       1     141 B        0.0%
                  ok    HealthFunction       0      57 B        0.0%
                
                FITS: all 2 functions checked fit.
                """);
        JsonNode prod = json(CliRun.of("check", "examples/cloudformation", "--parameter-overrides", "Stage=prod", "--json"));
        JsonNode dev = json(CliRun.of("check", "examples/cloudformation", "--json"));
        assertThat(prod.get("functions").get(0).get("architecture").asText()).isEqualTo("arm64");
        assertThat(dev.get("functions").get(0).get("architecture").asText()).isEqualTo("x86_64");
        JsonNode orders = dev.get("functions").get(0).get("artifacts");
        assertThat(orders.get(0).get("unzippedBytes").asLong()).isEqualTo(size("examples/cloudformation/layer/python/utils.py"));
        assertThat(orders.get(1).get("unzippedBytes").asLong()).isEqualTo(size("examples/cloudformation/src/orders/handler.py"));
        JsonNode health = dev.get("functions").get(1).get("artifacts").get(0);
        assertThat(health.get("unzippedBytes").asLong()).isEqualTo("def handler(event, context):\n    return {\"status\": \"ok\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void samAppIsCheckedAsSamBuildWouldBuildIt() throws Exception {
        LocalIndex local = LocalIndex.require();
        List<String> index = new ArrayList<>();
        for (Path root : local.roots()) {
            index.add(index.contains("--index-url") ? "--extra-index-url" : "--index-url");
            index.add(root.toUri().toString());
        }
        List<String> args = new ArrayList<>(List.of("check", "examples/sam-app", "--json"));
        args.addAll(index);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode artifacts = json(r).get("artifacts");
        assertThat(artifacts.get(0).get("ref").asText()).isEqualTo("SharedLayer"); // Globals' layers come first
        assertThat(artifacts.get(0).get("unzippedBytes").asLong()).isEqualTo(size("examples/sam-app/layers/shared/python/shared.py"));
        assertThat(artifacts.get(2).get("unzippedBytes").asLong()).isEqualTo(size("examples/sam-app/hello/app.py"));
        // the built layer: the installed requirements (as plan predicts them, python/ layout, no slimming) plus the
        // ContentUri's own files copied next to them
        List<String> plan = new ArrayList<>(List.of("plan", "examples/sam-app/layers/deps/requirements.txt", "--runtime",
                "python3.12", "--slim", "none", "--layout", "python", "--json"));
        plan.addAll(index);
        CliRun p = CliRun.of(plan.toArray(String[]::new));
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(artifacts.get(1).get("ref").asText()).isEqualTo("DepsLayer");
        assertThat(artifacts.get(1).get("unzippedBytes").asLong()).isEqualTo(json(p).get("predictedUnzippedBytes").asLong()
                + size("examples/sam-app/layers/deps/requirements.txt"));
    }

    @Test
    void kindForcesAReaderAndAmbiguousFoldersAskForIt() throws Exception {
        CliRun forced = CliRun.of("check", "examples/terraform", "--kind", "terraform");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        CliRun wrong = CliRun.of("check", "examples/sam-app", "--kind", "cloudformation");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("layerfit: no CloudFormation template with AWS::Lambda:: resources in examples/sam-app: "
                + "give the template file or its folder\n");
        Path both = tmp.resolve("both");
        Files.createDirectories(both);
        Files.copy(Path.of("examples/sam-app/template.yaml"), both.resolve("template.yaml"));
        Files.copy(Path.of("examples/terraform/plan.json"), both.resolve("plan.json"));
        CliRun ambiguous = CliRun.of("check", both.toString());
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).isEqualTo("layerfit: " + both + " holds several kinds of project: sam (template.yaml); "
                + "terraform (plan.json): pass --kind sam|terraform\n");
    }

    @Test
    void whenNothingCanBeCheckedTheFirstReasonIsTheErrorAndExitIsTwo() throws Exception {
        Path dir = tmp.resolve("late");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      CodeUri: !Sub "s3://${Bucket}/fn.zip"
                """);
        CliRun r = CliRun.of("check", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("layerfit: Fn: its CodeUri (" + dir.resolve("template.yaml") + ":7:16) cannot be worked out "
                + "(Fn::Sub \"s3://${Bucket}/fn.zip\" cannot be worked out: Ref Bucket names no parameter or resource of the "
                + "template)\n");
    }

    @Test
    void badParameterOverridesAndAccountAreOneSentence() {
        CliRun r = CliRun.of("check", "examples/cloudformation", "--parameter-overrides", "Stage");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("layerfit: --parameter-overrides 'Stage' is not KEY=VALUE; write it as "
                + "--parameter-overrides Stage=prod\n");
        CliRun a = CliRun.of("check", "examples/cloudformation", "--account", "12");
        assertThat(a.exitCode()).isEqualTo(2);
        assertThat(a.err()).isEqualTo("layerfit: --account '12' is not a 12-digit AWS account id\n");
    }
}
