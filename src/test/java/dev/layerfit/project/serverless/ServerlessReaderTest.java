package dev.layerfit.project.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.Artifacts;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactMap;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Serverless reader on the real {@code serverless package} output of examples/serverless-service. */
class ServerlessReaderTest {

    static final Path SERVICE = Path.of("examples/serverless-service");
    static final Path PACKAGE = SERVICE.resolve(".serverless");
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:79";

    @TempDir
    Path temp;

    static ReadOptions options(Path dir, String stage) {
        return new ReadOptions(stage, Map.of(), null, null, null, null, "test",
                ArtifactMap.of(dir, List.of(), null, null), null, Map.of());
    }

    static Deployment read(Path dir, String stage) {
        return new ServerlessReader(name -> null).read(dir, options(dir, stage));
    }

    @Test
    void thePackagedServiceIsReadFromItsTemplateInDefinitionOrder() throws IOException {
        Deployment d = read(SERVICE, null);
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly("api", "worker", "cron");
        assertThat(d.deployTool()).isEqualTo("serverless deploy");
        assertThat(d.description()).isEqualTo("Serverless service layerfit-shop, stage prod, packaged in " + PACKAGE);
        Map<String, LambdaFunction> fns = byName(d);

        LambdaFunction api = fns.get("api");
        assertThat(api.runtime()).isEqualTo("python3.12");
        assertThat(api.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(api.packageType()).isEqualTo(PackageType.ZIP);
        // a function's own layers replace the provider's: the service's layer first, then the ARN
        assertThat(api.layers()).extracting(Artifact::ref).containsExactly("DepsLambdaLayer", POWERTOOLS);
        assertThat(api.layers()).extracting(Artifact::name).containsExactly("deps", "AWSLambdaPowertoolsPythonV2:79");
        assertThat(api.layers()).extracting(Artifact::source).containsExactly(
                new ArtifactSource.Local(PACKAGE.resolve("deps.zip")), new ArtifactSource.Remote(POWERTOOLS));
        assertThat(api.code().source()).isEqualTo(new ArtifactSource.Local(PACKAGE.resolve("layerfit-shop.zip")));
        assertThat(api.definedAt()).isEqualTo(SourceLocation.of(SERVICE.resolve("serverless.yml"),
                lineOf(SERVICE.resolve("serverless.yml"), "  api:")));

        LambdaFunction worker = fns.get("worker");
        assertThat(worker.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(worker.layers()).extracting(Artifact::source).containsExactly(new ArtifactSource.Remote(POWERTOOLS));
        assertThat(worker.code().source()).isEqualTo(new ArtifactSource.Local(PACKAGE.resolve("worker.zip")));

        LambdaFunction cron = fns.get("cron");
        assertThat(cron.runtime()).isEqualTo("python3.11");
        assertThat(cron.code().identity()).isEqualTo(api.code().identity());
    }

    @Test
    void thePackagedZipsHoldWhatThePatternsChose() throws IOException {
        try (MeasuredArtifact service = Artifacts.open(PACKAGE.resolve("layerfit-shop.zip"));
             MeasuredArtifact worker = Artifacts.open(PACKAGE.resolve("worker.zip"));
             MeasuredArtifact deps = Artifacts.open(PACKAGE.resolve("deps.zip"))) {
            assertThat(service.entries()).extracting(ArchiveEntry::name).containsExactly("src/api.py", "src/worker.py");
            assertThat(worker.entries()).extracting(ArchiveEntry::name).containsExactly("src/worker.py");
            assertThat(deps.entries()).extracting(ArchiveEntry::name).containsExactly(
                    "python/tinydep-1.0.dist-info/METADATA", "python/tinydep-1.0.dist-info/RECORD",
                    "python/tinydep/__init__.py");
            assertThat(service.unzippedBytes()).isEqualTo(156);
            assertThat(deps.unzippedBytes()).isEqualTo(177);
        }
    }

    @Test
    void theConfigurationAloneComputesTheSameFilesAsServerlessPackaged() throws IOException {
        Path copy = copy(SERVICE, temp.resolve("svc"));
        deleteTree(copy.resolve(".serverless"));
        Deployment d = read(copy, "prod");
        assertThat(d.description()).isEqualTo("Serverless service layerfit-shop, stage prod, from "
                + copy.resolve("serverless.yml"));
        Map<String, LambdaFunction> fns = byName(d);
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly("api", "worker", "cron");
        assertThat(fns.get("api").layers()).extracting(Artifact::ref).containsExactly("DepsLambdaLayer", POWERTOOLS);
        assertThat(fns.get("cron").layers()).extracting(Artifact::ref).containsExactly(POWERTOOLS);
        assertThat(fns.get("worker").architecture()).isEqualTo(Architecture.ARM64);
        assertThat(fns.get("cron").runtime()).isEqualTo("python3.11");
        // what serverless put in each zip (see thePackagedZipsHoldWhatThePatternsChose)
        assertThat(names(fns.get("api").code())).containsExactly("src/api.py", "src/worker.py");
        assertThat(names(fns.get("worker").code())).containsExactly("src/worker.py");
        assertThat(names(fns.get("api").layers().get(0))).containsExactly("python/tinydep-1.0.dist-info/METADATA",
                "python/tinydep-1.0.dist-info/RECORD", "python/tinydep/__init__.py");
        assertThat(fns.get("cron").code().source()).isSameAs(fns.get("api").code().source());
        try (MeasuredArtifact built = open(fns.get("api").code())) {
            assertThat(built.unzippedBytes()).isEqualTo(156);
        }
    }

    @Test
    void variablesResolveAsFarAsTheyCanAndEachUnresolvableOneNamesItsFunction() throws IOException {
        Path svc = temp.resolve("vars");
        Files.createDirectories(svc.resolve("src"));
        Files.writeString(svc.resolve("src/api.py"), "def handler(e, c):\n    return 1\n");
        Files.writeString(svc.resolve("serverless.yml"), """
                service: shop
                provider:
                  name: aws
                  runtime: python3.12
                  stage: ${opt:stage, 'dev'}
                  region: ${env:SHOP_REGION, 'eu-west-1'}
                  layers:
                    - arn:aws:lambda:${self:provider.region}:017000801446:layer:AWSLambdaPowertoolsPythonV2:${self:custom.powertools.${sls:stage}}
                custom:
                  powertools:
                    dev: 78
                    prod: 79
                  secretLayer: ${ssm:/shop/layer-arn}
                functions:
                  api:
                    handler: src/api.handler
                    layers:
                      - ${self:custom.secretLayer}
                      - !Ref MissingLambdaLayer
                  worker:
                    handler: src/api.handler
                    runtime: ${ssm:/shop/runtime}
                  cron:
                    handler: src/api.handler
                  report:
                    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/report:latest
                """);
        Deployment dev = read(svc, null);
        assertThat(dev.description()).contains("stage dev");
        Map<String, LambdaFunction> fns = byName(dev);
        assertThat(fns.keySet()).containsExactly("api", "worker", "cron", "report");
        assertThat(fns.get("cron").layers()).extracting(Artifact::ref).containsExactly(
                "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:78");
        assertThat(byName(read(svc, "prod")).get("cron").layers()).extracting(Artifact::ref).containsExactly(POWERTOOLS);
        assertThat(fns.get("api").layers()).extracting(Artifact::source).containsExactly(
                new ArtifactSource.Unavailable("layer 1 of function api is ${self:custom.secretLayer}, which layerfit "
                        + "cannot resolve (ssm: values are read from AWS or a plugin when serverless runs)"),
                new ArtifactSource.Unavailable("layer 2 of function api is {\"Ref\":\"MissingLambdaLayer\"}, neither a "
                        + "layer version ARN nor a layer of this service, so layerfit cannot measure it"));
        assertThat(fns.get("worker").runtime()).isNull();
        assertThat(fns.get("worker").notes()).containsExactly("the runtime of function worker is "
                + "${ssm:/shop/runtime}, which layerfit cannot resolve (ssm: values are read from AWS or a plugin "
                + "when serverless runs)");
        assertThat(fns.get("worker").code().source()).isInstanceOf(ArtifactSource.Built.class);
        assertThat(names(fns.get("worker").code())).containsExactly("src/api.py");
        assertThat(fns.get("report").packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(fns.get("report").code()).isNull();
    }

    @Test
    void aMissingZipNamesItsFunctionAndTheRestIsStillRead() throws IOException {
        Path copy = copy(SERVICE, temp.resolve("svc"));
        Files.delete(copy.resolve(".serverless/worker.zip"));
        Map<String, LambdaFunction> fns = byName(read(copy, null));
        assertThat(fns.get("worker").code().source()).isEqualTo(new ArtifactSource.Unavailable(
                "the package of function worker, worker.zip, is missing from " + copy.resolve(".serverless")
                        + "; run serverless package again"));
        assertThat(fns.get("api").code().source()).isInstanceOf(ArtifactSource.Local.class);
    }

    @Test
    void anotherStagesPackageIsBadInput() {
        assertThatThrownBy(() -> read(SERVICE, "dev")).isInstanceOf(BadInputException.class)
                .hasMessage(PACKAGE + " holds the package of stage prod, not dev: run serverless package --stage dev first");
    }

    @Test
    void aConfigurationChangedAfterPackagingIsNoted() throws IOException {
        Path copy = copy(SERVICE, temp.resolve("svc"));
        Instant packaged = Instant.parse("2026-01-01T00:00:00Z");
        Files.setLastModifiedTime(copy.resolve(".serverless/" + PackagedService.TEMPLATE), FileTime.from(packaged));
        Files.setLastModifiedTime(copy.resolve("serverless.yml"), FileTime.from(packaged.minusSeconds(60)));
        assertThat(read(copy, null).notes()).isEmpty();
        Files.setLastModifiedTime(copy.resolve("serverless.yml"), FileTime.from(packaged.plusSeconds(3600)));
        assertThat(read(copy, null).notes()).containsExactly(copy.resolve("serverless.yml") + " changed after "
                + copy.resolve(".serverless") + " was packaged; run serverless package again to check what it deploys now");
    }

    @Test
    void markersNameTheConfigurationAndThePackage() throws IOException {
        assertThat(new ServerlessReader().markers(SERVICE)).containsExactly("serverless.yml",
                ".serverless/cloudformation-template-update-stack.json");
        assertThat(new ServerlessReader().markers(PACKAGE)).containsExactly("cloudformation-template-update-stack.json");
        assertThat(read(PACKAGE, null).functions()).hasSize(3);
        Files.writeString(temp.resolve("serverless.ts"), "export default {}");
        assertThat(new ServerlessReader().markers(temp)).containsExactly("serverless.ts");
        assertThatThrownBy(() -> read(temp, null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is code layerfit does not run: run serverless package");
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() throws IOException {
        Files.writeString(temp.resolve("serverless.yml"), "service: x\nfunctions:\n  api: [\n");
        assertThatThrownBy(() -> read(temp, null)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(temp.resolve("serverless.yml") + ":4:").hasMessageContaining("not valid YAML");
    }

    static List<String> names(Artifact a) throws IOException {
        try (MeasuredArtifact m = open(a)) {
            return m.entries().stream().map(ArchiveEntry::name).toList();
        }
    }

    static MeasuredArtifact open(Artifact a) throws IOException {
        if (a.source() instanceof ArtifactSource.Local l) {
            return Artifacts.open(l.path());
        }
        List<String> notes = new ArrayList<>();
        return ((ArtifactSource.Built) a.source()).builder().build(notes).orElseThrow();
    }

    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(text) + 1;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    static Map<String, LambdaFunction> byName(Deployment d) {
        Map<String, LambdaFunction> out = new LinkedHashMap<>();
        d.functions().forEach(f -> out.put(f.name(), f));
        return out;
    }
}
