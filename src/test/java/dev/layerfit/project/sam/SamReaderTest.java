package dev.layerfit.project.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.LocalIndex;
import dev.layerfit.OwnCacheExtension;
import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.project.TestReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SAM reader on a hand-written SAM app (src/test/resources/sam/app, from the SAM documentation). */
class SamReaderTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    static final Path APP = Path.of("src/test/resources/sam/app");
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:79";

    @TempDir
    Path tmp;

    private static LambdaFunction function(Deployment d, String name) {
        return d.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static String reason(Artifact a) {
        assertThat(a.source()).isInstanceOf(ArtifactSource.Unavailable.class);
        return ((ArtifactSource.Unavailable) a.source()).reason();
    }

    @Test
    void readsEveryFunctionWithItsLayersInOrderAndItsSources() {
        Deployment d = new SamReader().read(APP, TestReadOptions.of(Map.of(), "eu-west-1", null, IndexSettings.none()));

        assertThat(d.deployTool()).isEqualTo("sam deploy");
        assertThat(d.functions()).extracting(LambdaFunction::name)
                .containsExactly("HelloFunction", "ReportFunction", "LegacyFunction", "ImageFunction", "BrokenFunction");
        assertThat(d.notes()).contains("ProdOnlyFunction is not created: its condition IsProd is false");

        LambdaFunction hello = function(d, "HelloFunction");
        assertThat(hello.runtime()).isEqualTo("python3.12");
        assertThat(hello.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(hello.layers()).extracting(Artifact::ref).containsExactly(POWERTOOLS, "DepsLayer", "PlainLayer");
        assertThat(hello.layers().get(0).source()).isEqualTo(new ArtifactSource.Remote(POWERTOOLS));
        assertThat(hello.layers().get(1).source()).isInstanceOf(ArtifactSource.Built.class);
        assertThat(hello.layers().get(1).frameworkBuilt()).isTrue();
        assertThat(hello.layers().get(2).source()).isEqualTo(new ArtifactSource.Local(APP.resolve("layers/shared")));
        assertThat(hello.code().source()).isInstanceOf(ArtifactSource.Built.class);
        assertThat(((ArtifactSource.Built) hello.code().source()).description())
                .isEqualTo("requirements.txt + hello/");
        assertThat(hello.code().directUpload()).isFalse();
        assertThat(hello.definedAt().line()).isEqualTo(lineOf("  HelloFunction:"));
        assertThat(hello.definedAt().column()).isEqualTo(3);

        // Globals.Function's layers come first; the layer both functions use is one artifact
        LambdaFunction report = function(d, "ReportFunction");
        assertThat(report.runtime()).isEqualTo("python3.11");
        assertThat(report.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(report.layers()).extracting(Artifact::ref).containsExactly(POWERTOOLS, "DepsLayer",
                "arn:aws:lambda:us-east-1:123456789012:layer:numpy:3");
        assertThat(report.layers().get(1)).isSameAs(hello.layers().get(1));
        assertThat(report.layers().get(2).name()).isEqualTo("numpy:3");

        LambdaFunction legacy = function(d, "LegacyFunction");
        assertThat(legacy.layers()).isEmpty(); // Globals apply to serverless functions only
        assertThat(legacy.runtime()).isEqualTo("nodejs20.x");
        assertThat(legacy.code().source()).isEqualTo(new ArtifactSource.Inline("index.js", "exports.handler = async () => \"ok\";\n"));

        LambdaFunction image = function(d, "ImageFunction");
        assertThat(image.packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(image.code()).isNull();
        assertThat(image.notes()).containsExactly("ImageFunction is a container image function (PackageType Image): the zip "
                + "limits do not apply and its image is not measured");
    }

    @Test
    void badValuesBecomeOneSentenceNamingTheFunctionAndTheRestIsStillRead() {
        Deployment d = new SamReader().read(APP, TestReadOptions.none());
        LambdaFunction hello = function(d, "HelloFunction");
        assertThat(reason(hello.layers().get(0))).isEqualTo("HelloFunction: layer 1 (" + APP.resolve("template.yaml") + ":"
                + (lineOf("    Layers:") + 1) + ":9): Fn::Sub \"arn:aws:lambda:${AWS::Region}:017000801446:layer:"
                + "AWSLambdaPowertoolsPythonV3-python312-arm64:${PowertoolsVersion}\" cannot be worked out: AWS::Region is not "
                + "known: pass --region");

        LambdaFunction broken = function(d, "BrokenFunction");
        assertThat(reason(broken.code())).isEqualTo("BrokenFunction: CodeUri src/missing/ (" + APP.resolve("template.yaml")
                + ":" + lineOf("      CodeUri: src/missing/") + ":16) does not exist; build it first or fix the path");
        assertThat(broken.layers()).hasSize(3);
        assertThat(reason(broken.layers().get(1))).startsWith("BrokenFunction: layer 2 (")
                .endsWith("): Fn::Sub \"arn:aws:lambda:us-east-1:${Vendor}:layer:x:1\" cannot be worked out: "
                        + "Ref Vendor names no parameter or resource of the template");
        assertThat(reason(broken.layers().get(2))).isEqualTo("BrokenFunction: layer 3 (" + APP.resolve("template.yaml") + ":"
                + lineOf("        - !Magic something") + ":11): unknown intrinsic function Fn::Magic");
    }

    @Test
    void parameterOverridesDecideConditionsAndAddLayers() {
        String extra = "arn:aws:lambda:eu-west-1:111122223333:layer:extra:7";
        Deployment d = new SamReader().read(APP, TestReadOptions.of(Map.of("Stage", "prod", "ExtraLayerArn", extra,
                "PowertoolsVersion", "80"), "eu-west-1", null, IndexSettings.none()));
        assertThat(d.functions()).extracting(LambdaFunction::name).contains("ProdOnlyFunction");
        assertThat(function(d, "HelloFunction").layers()).extracting(Artifact::ref)
                .containsExactly(POWERTOOLS.replace(":79", ":80"), "DepsLayer", "PlainLayer", extra);
    }

    @Test
    void anUnsetParameterSaysHowToSetIt() {
        Deployment d = new SamReader().read(APP, TestReadOptions.of(Map.of("Stage", "prod"), "eu-west-1", null,
                IndexSettings.none()));
        assertThat(reason(function(d, "HelloFunction").layers().get(3)))
                .endsWith("parameter ExtraLayerArn has no Default: pass --parameter-overrides ExtraLayerArn=VALUE");
    }

    @Test
    void computesWhatSamBuildMakesWithThePipeline() throws Exception {
        LocalIndex local = LocalIndex.require();
        Path app = copy(APP, tmp.resolve("app"));
        Files.createDirectories(app.resolve("src/hello/__pycache__"));
        Files.writeString(app.resolve("src/hello/__pycache__/app.cpython-312.pyc"), "bytecode");
        Files.writeString(app.resolve("src/hello/.gitignore"), "*.pyc\n");
        List<String> roots = local.roots().stream().map(r -> r.toUri().toString()).toList();
        IndexSettings index = new IndexSettings(roots.get(0), roots.subList(1, roots.size()), List.of(), false, false);
        Deployment d = new SamReader().read(app, TestReadOptions.of(Map.of(), "eu-west-1", null, index));
        LambdaFunction hello = function(d, "HelloFunction");

        List<String> notes = new ArrayList<>();
        try (MeasuredArtifact code = ((ArtifactSource.Built) hello.code().source()).builder().build(notes).orElseThrow()) {
            List<String> names = code.entries().stream().map(ArchiveEntry::name).toList();
            assertThat(names).contains("app.py", "requirements.txt", "six.py", "six-1.17.0.dist-info/RECORD")
                    .noneMatch(n -> n.contains("__pycache__") || n.endsWith(".gitignore"));
            long appBytes = Files.size(app.resolve("src/hello/app.py"));
            assertThat(code.entries().stream().filter(e -> e.name().equals("app.py")).findFirst().orElseThrow().uncompressedSize())
                    .isEqualTo(appBytes);
        }
        assertThat(notes).singleElement().asString().startsWith("function HelloFunction was computed as sam build makes it");
        try (MeasuredArtifact layer = ((ArtifactSource.Built) hello.layers().get(1).source()).builder().build(notes).orElseThrow()) {
            List<String> names = layer.entries().stream().map(ArchiveEntry::name).toList();
            assertThat(names).contains("python/deps_helpers.py", "python/requirements.txt", "python/dateutil/parser/_parser.py",
                    "python/six.py").noneMatch(n -> !n.startsWith("python/"));
        }
    }

    @Test
    void measuresSamBuildOutputWhenPresent() throws Exception {
        Path app = copy(APP, tmp.resolve("app"));
        Path build = app.resolve(".aws-sam/build");
        Files.createDirectories(build.resolve("HelloFunction"));
        Files.writeString(build.resolve("HelloFunction/app.py"), "print('built')\n");
        Files.createDirectories(build.resolve("DepsLayer/python"));
        Files.writeString(build.resolve("DepsLayer/python/six.py"), "# six\n");
        // sam build's template: CodeUri/ContentUri point at the built folders (written by hand from SAM's docs)
        Files.writeString(build.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  DepsLayer:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: DepsLayer
                    Metadata:
                      BuildMethod: python3.12
                  HelloFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: HelloFunction
                      Runtime: python3.12
                      Layers:
                        - !Ref DepsLayer
                """);
        assertThat(new SamReader().markers(app)).containsExactly(".aws-sam/build/template.yaml", "template.yaml");
        Deployment d = new SamReader().read(app, TestReadOptions.none());
        LambdaFunction hello = d.functions().get(0);
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly("HelloFunction");
        assertThat(hello.code().source()).isEqualTo(new ArtifactSource.Local(build.resolve("HelloFunction")));
        assertThat(hello.layers()).extracting(Artifact::source).containsExactly(new ArtifactSource.Local(build.resolve("DepsLayer")));
        assertThat(hello.definedAt().file()).isEqualTo(app.resolve("template.yaml"));
        assertThat(hello.definedAt().line()).isEqualTo(lineOf("  HelloFunction:"));
        assertThat(d.notes()).anyMatch(n -> n.startsWith("measured sam build's output"));
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() throws Exception {
        Path app = tmp.resolve("bad");
        Files.createDirectories(app);
        Files.writeString(app.resolve("template.yaml"), "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n"
                + "    Type: AWS::Serverless::Function\n    Properties: [unclosed\n");
        assertThatThrownBy(() -> new SamReader().read(app, TestReadOptions.none()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(app.resolve("template.yaml") + ":6:1: not valid YAML");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws Exception {
        Path app = tmp.resolve("badjson");
        Files.createDirectories(app);
        Files.writeString(app.resolve("template.json"), "{\"Transform\": \"AWS::Serverless-2016-10-31\",\n \"Resources\": {,}}\n");
        assertThatThrownBy(() -> new SamReader().read(app, TestReadOptions.none()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(app.resolve("template.json") + ":2:16: not valid JSON");
    }

    @Test
    void markersNeedASamTemplate() throws Exception {
        assertThat(new SamReader().markers(APP)).containsExactly("template.yaml");
        assertThat(new SamReader().markers(tmp)).isEmpty();
    }

    static int lineOf(String text) {
        try {
            List<String> lines = Files.readAllLines(APP.resolve("template.yaml"));
            int i = lines.indexOf(text);
            assertThat(i).as(text).isNotNegative();
            return i + 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
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
}
