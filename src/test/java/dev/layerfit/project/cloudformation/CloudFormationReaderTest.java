package dev.layerfit.project.cloudformation;

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
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.project.TestReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CloudFormation reader on hand-written templates (src/test/resources/cloudformation, from the docs). */
class CloudFormationReaderTest {

    static final Path STACK = Path.of("src/test/resources/cloudformation/stack");
    static final Path JSON = Path.of("src/test/resources/cloudformation/json");

    @TempDir
    Path tmp;

    private static LambdaFunction function(Deployment d, String name) {
        return d.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsFunctionsLayersAndEveryKindOfCode() throws Exception {
        Deployment d = new CloudFormationReader().read(STACK, TestReadOptions.of(Map.of(), "eu-west-1", null, IndexSettings.none()));
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly("ApiFunction", "SingleFileFunction",
                "InlineFunction", "S3Function", "ImportFunction", "ImageFunction");

        LambdaFunction api = function(d, "ApiFunction");
        assertThat(api.architecture()).isEqualTo(Architecture.ARM64); // !If on a decidable condition
        assertThat(api.layers()).extracting(Artifact::source).containsExactly(
                new ArtifactSource.Local(STACK.resolve("layers/deps")),
                new ArtifactSource.Remote("arn:aws:lambda:eu-west-1:123456789012:layer:numpy:3"));
        assertThat(api.layers()).extracting(Artifact::name).containsExactly("DepsLayer", "numpy:3");
        assertThat(api.code().source()).isEqualTo(new ArtifactSource.Local(STACK.resolve("functions/api")));
        assertThat(api.definedAt()).isEqualTo(new dev.layerfit.deployment.SourceLocation(STACK.resolve("stack.yaml"), 25, 3));

        LambdaFunction single = function(d, "SingleFileFunction");
        assertThat(single.layers()).singleElement().isSameAs(api.layers().get(0));
        List<String> notes = new ArrayList<>();
        try (MeasuredArtifact a = ((ArtifactSource.Built) single.code().source()).builder().build(notes).orElseThrow()) {
            assertThat(a.entries()).extracting(ArchiveEntry::name).containsExactly("single.py");
            assertThat(a.unzippedBytes()).isEqualTo(Files.size(STACK.resolve("functions/single.py")));
        }

        assertThat(function(d, "InlineFunction").code().source())
                .isEqualTo(new ArtifactSource.Inline("index.py", "def handler(event, context):\n    return \"ok\"\n"));
        assertThat(function(d, "S3Function").code().source())
                .isEqualTo(new ArtifactSource.S3Object("my-artifacts", "builds/s3fn.zip", "3"));
        assertThat(((ArtifactSource.Unavailable) function(d, "ImportFunction").layers().get(0).source()).reason())
                .isEqualTo("ImportFunction: layer 1 (" + STACK.resolve("stack.yaml") + ":71:11): Fn::ImportValue SharedLayerArn "
                        + "is another stack's export, known only in AWS");
        LambdaFunction image = function(d, "ImageFunction");
        assertThat(image.packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(image.code()).isNull();
        assertThat(d.deployTool()).isEqualTo("aws cloudformation package + deploy");
        assertThat(api.code().directUpload()).isFalse();
    }

    @Test
    void outsideEuropeTheConditionPicksX86AndTheMappingHasNoEntry() {
        Deployment d = new CloudFormationReader().read(STACK, TestReadOptions.of(Map.of(), "us-east-1", null, IndexSettings.none()));
        LambdaFunction api = function(d, "ApiFunction");
        assertThat(api.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(((ArtifactSource.Unavailable) api.layers().get(1).source()).reason())
                .endsWith("): Fn::FindInMap finds no RegionLayers.us-east-1 in Mappings");
    }

    @Test
    void withoutARegionTheConditionIsUndecidedAndSaidSo() {
        Deployment d = new CloudFormationReader().read(STACK, TestReadOptions.none());
        LambdaFunction api = function(d, "ApiFunction");
        assertThat(api.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(api.notes()).containsExactly("ApiFunction: its Architectures cannot be worked out (condition InEurope cannot be "
                + "decided (AWS::Region is not known: pass --region)); checked as x86_64");
    }

    @Test
    void jsonTemplatesResolvePseudoParametersWithLocations() {
        Deployment d = new CloudFormationReader().read(JSON, TestReadOptions.of(Map.of(), "cn-north-1", "111122223333",
                IndexSettings.none()));
        LambdaFunction app = d.functions().get(0);
        assertThat(app.name()).isEqualTo("AppFunction");
        assertThat(app.definedAt()).isEqualTo(new dev.layerfit.deployment.SourceLocation(JSON.resolve("functions.json"), 5, 5));
        assertThat(app.layers()).extracting(Artifact::ref)
                .containsExactly("arn:aws-cn:lambda:cn-north-1:111122223333:layer:shared:2");
        assertThat(app.code().source()).isEqualTo(new ArtifactSource.Local(JSON.resolve("app")));
    }

    @Test
    void aMissingCodeFolderIsOneSentenceAndOtherFunctionsAreStillRead() throws Exception {
        Path t = tmp.resolve("t.yaml");
        Files.writeString(t, """
                Resources:
                  Gone:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Code: build/gone
                  Here:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Code:
                        ZipFile: "x = 1"
                """);
        Deployment d = new CloudFormationReader().read(tmp, TestReadOptions.none());
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly("Gone", "Here");
        assertThat(((ArtifactSource.Unavailable) d.functions().get(0).code().source()).reason())
                .isEqualTo("Gone: Code build/gone (" + t + ":6:13) does not exist; build it first or fix the path");
    }

    @Test
    void samTemplatesAreLeftToTheSamReader() throws Exception {
        Files.writeString(tmp.resolve("template.yaml"), "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n"
                + "    Type: AWS::Lambda::Function\n");
        assertThat(new CloudFormationReader().markers(tmp)).isEmpty();
        assertThat(new CloudFormationReader().markers(STACK)).containsExactly("stack.yaml");
    }

    @Test
    void malformedTemplatesNameFileLineAndColumn() throws Exception {
        Path t = tmp.resolve("bad.yaml");
        Files.writeString(t, "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties: {Code: \"open\n");
        assertThatThrownBy(() -> new CloudFormationReader().read(t, TestReadOptions.none()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(t + ":5:1: not valid YAML");
    }

    @Test
    void aListParameterGivesSeveralLayersInOrderAndANonArnIsOneSentence() throws Exception {
        Path t = tmp.resolve("layers.yaml");
        Files.writeString(t, """
                Parameters:
                  LayerArns:
                    Type: CommaDelimitedList
                    Default: arn:aws:lambda:eu-west-1:123456789012:layer:a:1,arn:aws:lambda:eu-west-1:123456789012:layer:b:2
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Code: {ZipFile: "x = 1"}
                      Layers:
                        - !Select [1, !Ref LayerArns]
                        - !Join [":", [arn, aws, lambda, eu-west-1, "123456789012", layer, c, "3"]]
                        - my-layer
                  Other:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Code: {ZipFile: "x = 1"}
                      Layers: !Ref LayerArns
                """);
        Deployment d = new CloudFormationReader().read(tmp, TestReadOptions.none());
        LambdaFunction fn = function(d, "Fn");
        assertThat(fn.layers()).extracting(Artifact::ref).containsExactly("arn:aws:lambda:eu-west-1:123456789012:layer:b:2",
                "arn:aws:lambda:eu-west-1:123456789012:layer:c:3", "my-layer");
        assertThat(((ArtifactSource.Unavailable) fn.layers().get(2).source()).reason()).isEqualTo("Fn: layer 3 'my-layer' ("
                + t + ":14:11) is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
        assertThat(function(d, "Other").layers()).extracting(Artifact::name).containsExactly("a:1", "b:2");
    }
}
