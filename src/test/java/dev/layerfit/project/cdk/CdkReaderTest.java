package dev.layerfit.project.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.layerfit.lambda.ArtifactRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDK reader on the real {@code cdk synth} output of examples/cdk-app (see regenerate.sh there). */
class CdkReaderTest {

    static final Path APP = Path.of("examples/cdk-app");
    static final Path ASSEMBLY = APP.resolve("cdk.out");
    static final String DEPS_ASSET = "asset.983eb4301574a4752d50625138b7174f9282877b82959c9797ce18a551cd4375";
    static final String API_ASSET = "asset.0a00e7c2f77326a8586e6e1eae5ffa4825f21b27306da9b28e1ee1f473475fb5";
    static final String WORKER_ASSET = "asset.4e39118a746f7241496d525b00860b86b638734f09e2dd5e0c66ba7bc48fe2a3.zip";
    static final String JOB_ASSET = "asset.58dc9b53a8386921a1d3131733215d3cf3cfe8b6d6b79e3fba07876c3c3eac86";
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:79";

    @TempDir
    Path temp;

    static ReadOptions options(Path dir) {
        return new ReadOptions(null, Map.of(), null, null, null, null, "test",
                ArtifactMap.of(dir, List.of(), null, null), null, Map.of());
    }

    static Deployment read(Path dir) {
        return new CdkReader().read(dir, options(dir));
    }

    @Test
    void readsEveryFunctionOfBothStacksAndTheNestedStackInTemplateOrder() {
        Deployment d = read(ASSEMBLY);
        assertThat(d.functions()).extracting(LambdaFunction::name).containsExactly(
                "LayerfitApi/ApiFunction", "LayerfitApi/WorkerFunction", "LayerfitApi/Jobs/JobFunction",
                "LayerfitData/ExportFunction", "LayerfitData/PingFunction", "LayerfitData/ReportFunction");
        assertThat(d.deployTool()).isEqualTo("cdk deploy");
        assertThat(d.description()).contains("schema 55.0.0").contains("stacks LayerfitApi, LayerfitData");
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void functionsAndLayersResolveToTheirStagedAssets() {
        Map<String, LambdaFunction> fns = byName(read(ASSEMBLY));

        LambdaFunction api = fns.get("LayerfitApi/ApiFunction");
        assertThat(api.runtime()).isEqualTo("python3.12");
        assertThat(api.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(api.packageType()).isEqualTo(PackageType.ZIP);
        assertThat(api.layers()).extracting(Artifact::ref).containsExactly("LayerfitApi/DepsLayer");
        assertThat(api.layers()).extracting(Artifact::name).containsExactly("DepsLayer");
        assertThat(api.layers().get(0).source()).isEqualTo(new ArtifactSource.Local(ASSEMBLY.resolve(DEPS_ASSET)));
        assertThat(api.code().role()).isEqualTo(ArtifactRole.FUNCTION);
        assertThat(api.code().source()).isEqualTo(new ArtifactSource.Local(ASSEMBLY.resolve(API_ASSET)));
        assertThat(api.code().directUpload()).isFalse();
        // where app.js creates it (CDK's creation stack; regenerate.sh cut the scratch folder off the path)
        assertThat(api.definedAt()).isEqualTo(new SourceLocation(APP.resolve("app.js"), 34, 5));

        LambdaFunction worker = fns.get("LayerfitApi/WorkerFunction");
        assertThat(worker.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(worker.layers()).isEmpty();
        assertThat(worker.code().source()).isEqualTo(new ArtifactSource.Local(ASSEMBLY.resolve(WORKER_ASSET)));

        // the nested stack gets the parent's layer as a parameter; the layer ARN stays remote
        LambdaFunction job = fns.get("LayerfitApi/Jobs/JobFunction");
        assertThat(job.runtime()).isEqualTo("python3.11");
        assertThat(job.layers()).extracting(Artifact::ref).containsExactly("LayerfitApi/DepsLayer", POWERTOOLS);
        assertThat(job.layers()).extracting(Artifact::source).containsExactly(
                new ArtifactSource.Local(ASSEMBLY.resolve(DEPS_ASSET)), new ArtifactSource.Remote(POWERTOOLS));
        assertThat(job.layers().get(1).name()).isEqualTo("AWSLambdaPowertoolsPythonV2:79");
        assertThat(job.layers().get(0).identity()).isEqualTo(api.layers().get(0).identity());
        assertThat(job.code().source()).isEqualTo(new ArtifactSource.Local(ASSEMBLY.resolve(JOB_ASSET)));
        assertThat(job.definedAt()).isEqualTo(new SourceLocation(APP.resolve("app.js"), 14, 5));

        assertThat(fns.get("LayerfitData/ExportFunction").code().source())
                .isEqualTo(new ArtifactSource.S3Object("layerfit-artifacts", "export/export-1.4.zip", null));
        assertThat(fns.get("LayerfitData/PingFunction").code().source())
                .isEqualTo(new ArtifactSource.Inline("index.py", "def handler(event, context):\n    return \"pong\"\n"));

        LambdaFunction image = fns.get("LayerfitData/ReportFunction");
        assertThat(image.packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(image.code()).isNull();
        assertThat(image.runtime()).isNull();
    }

    @Test
    void theStagedAssetsMeasureAsTheAppsSources() throws IOException {
        LambdaFunction api = byName(read(ASSEMBLY)).get("LayerfitApi/ApiFunction");
        try (MeasuredArtifact layer = Artifacts.open(((ArtifactSource.Local) api.layers().get(0).source()).path());
             MeasuredArtifact code = Artifacts.open(((ArtifactSource.Local) api.code().source()).path())) {
            assertThat(layer.entries()).extracting(e -> e.name()).contains("python/tinydep/__init__.py",
                    "python/tinydep-1.0.dist-info/RECORD");
            assertThat(layer.unzippedBytes()).isEqualTo(folderBytes(APP.resolve("layers/deps")));
            assertThat(code.unzippedBytes()).isEqualTo(Files.size(APP.resolve("src/api/handler.py")));
        }
    }

    @Test
    void theAppFolderHoldingCdkOutIsReadTheSameAndItsMarkersSaySo() {
        assertThat(new CdkReader().markers(APP)).containsExactly("cdk.out/manifest.json");
        assertThat(new CdkReader().markers(ASSEMBLY)).containsExactly("manifest.json", "cdk.out");
        assertThat(new CdkReader().markers(APP.resolve("src"))).isEmpty();
        assertThat(read(APP).functions()).hasSize(6);
    }

    @Test
    void anAppNotSynthesizedYetSaysToRunCdkSynth() throws IOException {
        Files.writeString(temp.resolve("cdk.json"), "{\"app\": \"node app.js\"}");
        assertThat(new CdkReader().markers(temp)).containsExactly("cdk.json");
        assertThatThrownBy(() -> read(temp)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds no cloud assembly").hasMessageContaining("run cdk synth first");
    }

    @Test
    void aMissingAssetFolderNamesTheFunctionAndTheRestIsStillRead() throws IOException {
        Path copy = copyAssembly();
        deleteTree(copy.resolve(API_ASSET));
        Map<String, LambdaFunction> fns = byName(read(copy));
        assertThat(fns.get("LayerfitApi/ApiFunction").code().source())
                .isEqualTo(new ArtifactSource.Unavailable("the asset " + API_ASSET
                        + " (the code of function LayerfitApi/ApiFunction) is missing from " + copy
                        + "; run cdk synth again"));
        assertThat(fns.get("LayerfitApi/ApiFunction").layers().get(0).source())
                .isEqualTo(new ArtifactSource.Local(copy.resolve(DEPS_ASSET)));
        assertThat(fns.get("LayerfitApi/WorkerFunction").code().source())
                .isEqualTo(new ArtifactSource.Local(copy.resolve(WORKER_ASSET)));
    }

    @Test
    void aMissingLayerAssetNamesTheLayerAndEachFunctionUsingIt() throws IOException {
        Path copy = copyAssembly();
        deleteTree(copy.resolve(DEPS_ASSET));
        Map<String, LambdaFunction> fns = byName(read(copy));
        assertThat(((ArtifactSource.Unavailable) fns.get("LayerfitApi/Jobs/JobFunction").layers().get(0).source())
                .reason()).startsWith("the asset " + DEPS_ASSET
                + " (the layer LayerfitApi/DepsLayer of function LayerfitApi/Jobs/JobFunction) is missing");
        assertThat(fns.get("LayerfitApi/Jobs/JobFunction").code().source()).isInstanceOf(ArtifactSource.Local.class);
    }

    @Test
    void aMissingNestedTemplateIsOneNoteAndTheOtherStacksAreRead() throws IOException {
        Path copy = copyAssembly();
        Files.delete(copy.resolve("LayerfitApiJobsC7F0CDD9.nested.template.json"));
        Deployment d = read(copy);
        assertThat(d.functions()).extracting(LambdaFunction::name).doesNotContain("LayerfitApi/Jobs/JobFunction")
                .hasSize(5);
        assertThat(d.notes()).containsExactly("the template LayerfitApiJobsC7F0CDD9.nested.template.json of nested "
                + "stack LayerfitApi/Jobs.NestedStack/Jobs.NestedStackResource is missing from cdk.out, so its "
                + "functions are not checked; run cdk synth again");
    }

    @Test
    void aSchemaVersionLayerfitCannotReadIsOneSentence() throws IOException {
        Path copy = copyAssembly();
        setVersion(copy, "0.36.0");
        assertThatThrownBy(() -> read(copy)).isInstanceOf(BadInputException.class)
                .hasMessage(copy.resolve("manifest.json") + ": cloud assembly schema version 0.36.0 is older than "
                        + "layerfit can read (1.0.0 to 55.x); upgrade the app's CDK and run cdk synth again");
        setVersion(copy, "latest");
        assertThatThrownBy(() -> read(copy)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cloud assembly schema version 'latest' is not one layerfit can read");
    }

    @Test
    void aNewerSchemaVersionIsReadWithANote() throws IOException {
        Path copy = copyAssembly();
        setVersion(copy, "60.1.0");
        Deployment d = read(copy);
        assertThat(d.functions()).hasSize(6);
        assertThat(d.notes()).singleElement().asString().contains("uses cloud assembly schema 60.1.0, newer than the 55.x");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path copy = copyAssembly();
        Files.writeString(copy.resolve("LayerfitData.template.json"), "{\n \"Resources\": {,\n}\n");
        assertThatThrownBy(() -> read(copy)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(copy.resolve("LayerfitData.template.json") + ":2:")
                .hasMessageContaining("not valid JSON").hasMessageEndingWith("run cdk synth again");
    }

    private Path copyAssembly() throws IOException {
        Path copy = temp.resolve("cdk.out");
        try (Stream<Path> files = Files.walk(ASSEMBLY)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(ASSEMBLY.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static void setVersion(Path assembly, String version) throws IOException {
        Path manifest = assembly.resolve("manifest.json");
        String text = Files.readString(manifest).replaceFirst("\"version\": \"[^\"]*\"", "\"version\": \"" + version + "\"");
        Files.writeString(manifest, text);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long sum = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }

    private static Map<String, LambdaFunction> byName(Deployment d) {
        Map<String, LambdaFunction> out = new java.util.LinkedHashMap<>();
        d.functions().forEach(f -> out.put(f.name(), f));
        return out;
    }
}
