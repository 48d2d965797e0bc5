package dev.layerfit.project.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.project.TestReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform reader on a hand-written plan JSON (src/test/resources/terraform/app, from Terraform's JSON output
 * format) and the reference tracing on a real one (real-terraform-data, terraform 1.11.4 with terraform_data).
 */
class TerraformReaderTest {

    static final Path APP = Path.of("src/test/resources/terraform/app");
    static final Path REAL = Path.of("src/test/resources/terraform/real-terraform-data");

    @TempDir
    Path tmp;

    private static LambdaFunction function(Deployment d, String name) {
        return d.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsFunctionsWithLayersTracedThroughTheConfiguration() throws Exception {
        Deployment d = new TerraformReader().read(APP, TestReadOptions.none());
        assertThat(d.deployTool()).isEqualTo("terraform apply");
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly("api", "image", "late", "worker");

        LambdaFunction api = function(d, "api");
        assertThat(api.runtime()).isEqualTo("python3.12");
        assertThat(api.architecture()).isEqualTo(Architecture.ARM64);
        // the new layers' ARNs are unknown until apply: traced through configuration references, module output included
        assertThat(api.layers()).extracting(Artifact::ref).containsExactly("aws_lambda_layer_version.deps",
                "arn:aws:lambda:eu-west-1:123456789012:layer:numpy:3", "module.shared.aws_lambda_layer_version.this");
        assertThat(api.layers()).extracting(Artifact::name).containsExactly("deps", "numpy:3", "shared");
        assertThat(api.layers()).extracting(Artifact::source).containsExactly(
                new ArtifactSource.Local(APP.resolve("layers/deps.zip")),
                new ArtifactSource.Remote("arn:aws:lambda:eu-west-1:123456789012:layer:numpy:3"),
                new ArtifactSource.Local(APP.resolve("modules/layer/src")));
        assertThat(api.layers().get(0).directUpload()).isTrue();
        // build/api.zip is not written: archive_file's source_dir is measured
        assertThat(api.code().source()).isEqualTo(new ArtifactSource.Local(APP.resolve("src/api")));
        assertThat(api.code().directUpload()).isTrue();
        assertThat(api.notes()).containsExactly("aws_lambda_function.api: ./build/api.zip is not built yet; measured "
                + "data.archive_file.api's source_dir ./src/api as the zip will hold it");
        assertThat(d.notes()).containsExactly("module.shared.aws_lambda_layer_version.this: modules/layer/build/shared.zip is "
                + "not built yet; measured module.shared.data.archive_file.this's source_dir modules/layer/src as the zip will hold it");

        LambdaFunction worker = function(d, "worker");
        assertThat(worker.code().source()).isEqualTo(new ArtifactSource.S3Object("my-artifacts", "worker/v3.zip", "7"));
        assertThat(worker.code().directUpload()).isFalse();
        assertThat(worker.layers()).singleElement().isSameAs(api.layers().get(0));

        LambdaFunction image = function(d, "image");
        assertThat(image.packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(image.code()).isNull();
        assertThat(image.notes()).containsExactly("aws_lambda_function.image is a container image function (package_type "
                + "Image): the zip limits do not apply and its image is not measured");

        LambdaFunction late = function(d, "late");
        assertThat(((ArtifactSource.Unavailable) late.code().source()).reason()).isEqualTo("aws_lambda_function.late: its "
                + "filename is known only after terraform apply and the plan's configuration does not say where it comes from");
        assertThat(late.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(late.notes()).isEmpty(); // architectures unset: the provider's default, x86_64
    }

    @Test
    void aZipThatExistsIsMeasuredAsIsAndASourceFileIsZippedAlone() throws Exception {
        Path app = tmp.resolve("app");
        copy(APP, app);
        Files.createDirectories(app.resolve("build"));
        Files.copy(APP.resolve("layers/deps.zip"), app.resolve("build/api.zip"));
        Deployment d = new TerraformReader().read(app, TestReadOptions.none());
        assertThat(function(d, "api").code().source()).isEqualTo(new ArtifactSource.Local(app.resolve("build/api.zip")));
        assertThat(function(d, "api").notes()).isEmpty();

        Path plan = app.resolve("plan.json");
        Files.writeString(plan, Files.readString(plan).replace("\"source_dir\": \"./src/api\"", "\"source_file\": \"./src/api/handler.py\""));
        Files.delete(app.resolve("build/api.zip"));
        LambdaFunction api = function(new TerraformReader().read(app, TestReadOptions.none()), "api");
        try (MeasuredArtifact a = ((ArtifactSource.Built) api.code().source()).builder().build(new ArrayList<>()).orElseThrow()) {
            assertThat(a.entries()).extracting(ArchiveEntry::name).containsExactly("handler.py");
            assertThat(a.unzippedBytes()).isEqualTo(Files.size(APP.resolve("src/api/handler.py")));
        }
    }

    @Test
    void referencesInARealPlanLeadToTheirResourcesThroughModuleOutputs() {
        TerraformPlan plan = TerraformPlan.read(REAL.resolve("plan.json"));
        PlanConfiguration c = plan.configuration();
        List<String> opaque = new ArrayList<>();
        assertThat(c.targets("", c.expression("", "terraform_data.fn", "input"), opaque)).containsExactly(
                new PlanConfiguration.Target("", "terraform_data.layer"),
                new PlanConfiguration.Target("module.shared", "terraform_data.this"));
        PlanResource fn = plan.resources().stream().filter(r -> r.address().equals("terraform_data.fn")).findFirst().orElseThrow();
        assertThat(fn.value("input").path("layers").get(0).isNull()).isTrue();
        assertThat(fn.unknown().path("input").path("layers").get(0).asBoolean()).isTrue();
        assertThat(plan.instances(new PlanConfiguration.Target("module.shared", "terraform_data.this")))
                .extracting(PlanResource::address).containsExactly("module.shared.terraform_data.this");
        assertThat(new TerraformReader().read(REAL, TestReadOptions.none()).functions()).isEmpty();
    }

    @Test
    void markersAndBadInput() throws Exception {
        assertThat(new TerraformReader().markers(APP)).containsExactly("plan.json");
        Path tfOnly = tmp.resolve("tf");
        Files.createDirectories(tfOnly);
        Files.writeString(tfOnly.resolve("main.tf"), "resource \"aws_lambda_function\" \"f\" {}\n");
        assertThat(new TerraformReader().markers(tfOnly)).containsExactly("main.tf");
        assertThatThrownBy(() -> new TerraformReader().read(tfOnly, TestReadOptions.none())).isInstanceOf(BadInputException.class)
                .hasMessage(tfOnly + " has Terraform configuration (main.tf) but no plan JSON: run terraform plan -out plan.out "
                        + "&& terraform show -json plan.out > plan.json there");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format_version\": \"1.2\", \"terraform_version\": \"1.11.4\",\n  \"planned_values\": {]\n}");
        assertThatThrownBy(() -> new TerraformReader().read(bad, TestReadOptions.none())).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(bad + ":2:22: not valid JSON");
    }

    @Test
    void aMissingZipWithoutAnArchiveFileAndALayerWithSeveralInstancesAreOneSentenceEach() throws Exception {
        Path app = tmp.resolve("app");
        copy(APP, app);
        Path plan = app.resolve("plan.json");
        // the layer zip is gone, and the module's layer is made with count = 2
        Files.delete(app.resolve("layers/deps.zip"));
        String json = Files.readString(plan).replace("\"address\": \"module.shared.aws_lambda_layer_version.this\"",
                "\"address\": \"module.shared.aws_lambda_layer_version.this[0]\"");
        json = json.replace("\"child_modules\": [\n        {\n          \"resources\": [", "\"child_modules\": [\n        {\n"
                + "          \"resources\": [{\"address\": \"module.shared.aws_lambda_layer_version.this[1]\", \"mode\": \"managed\", "
                + "\"type\": \"aws_lambda_layer_version\", \"name\": \"this\", \"index\": 1, \"values\": {\"layer_name\": \"shared\"}},");
        Files.writeString(plan, json);
        LambdaFunction api = function(new TerraformReader().read(app, TestReadOptions.none()), "api");
        assertThat(((ArtifactSource.Unavailable) api.layers().get(0).source()).reason()).isEqualTo("aws_lambda_layer_version.deps: "
                + "its filename layers/deps.zip does not exist; build the zip (or run terraform plan again, which writes "
                + "archive_file zips) and check again");
        assertThat(((ArtifactSource.Unavailable) api.layers().get(2).source()).reason()).isEqualTo("aws_lambda_function.api: "
                + "layer 3 is module.shared.aws_lambda_layer_version.this, which has 2 instances; the plan does not say which one");
    }

    static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
