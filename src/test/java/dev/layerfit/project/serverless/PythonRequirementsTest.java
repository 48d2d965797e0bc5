package dev.layerfit.project.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.LocalIndex;
import dev.layerfit.OwnCacheExtension;
import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactMap;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.pipeline.IndexSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * serverless-python-requirements computed from serverless.yml alone, with real wheels from the local index:
 * installed at the function zip's root, or as the pythonRequirements layer under python/; slim deletes
 * dist-info; noDeploy leaves a requirement out.
 */
class PythonRequirementsTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    @TempDir
    Path temp;

    private Deployment read(String custom, String layers) throws IOException {
        LocalIndex local = LocalIndex.require();
        Path svc = temp.resolve("svc");
        Files.createDirectories(svc.resolve("src"));
        Files.writeString(svc.resolve("src/api.py"), "import six\n");
        Files.writeString(svc.resolve("requirements.txt"), "six==1.17.0\nidna==3.20\n");
        Files.writeString(svc.resolve("serverless.yml"), """
                service: reqs
                provider:
                  name: aws
                  runtime: python3.12
                plugins:
                  - serverless-python-requirements
                package:
                  patterns: ['!requirements.txt', '!cache/**']
                custom:
                  pythonRequirements:
                %s
                functions:
                  api:
                    handler: src/api.handler
                %s
                """.formatted(custom.indent(4).stripTrailing(), layers.indent(4).stripTrailing()));
        List<String> extra = local.roots().stream().skip(1).map(r -> r.toUri().toString()).toList();
        IndexSettings index = new IndexSettings(local.roots().get(0).toUri().toString(), extra, List.of(), false, false);
        return new ServerlessReader(n -> null).read(svc, new ReadOptions(null, Map.of(), null, null, null, index,
                "test", ArtifactMap.of(svc, List.of(), null, null), null, Map.of()));
    }

    @Test
    void requirementsGoToTheFunctionZipsRootSlimmedWithoutNoDeploy() throws IOException {
        Deployment d = read("slim: true\nnoDeploy:\n  - IDNA", "");
        LambdaFunction api = d.functions().get(0);
        assertThat(api.layers()).isEmpty();
        assertThat(((ArtifactSource.Built) api.code().source()).description())
                .isEqualTo("the service's files by package.patterns + requirements.txt (slim; noDeploy idna)");
        List<String> notes = new ArrayList<>();
        try (MeasuredArtifact zip = ((ArtifactSource.Built) api.code().source()).builder().build(notes).orElseThrow()) {
            assertThat(zip.entries()).extracting(ArchiveEntry::name).containsExactly("src/api.py", "six.py");
            assertThat(zip.unzippedBytes()).isEqualTo("import six\n".length() + sixPyBytes(zip));
        }
        assertThat(notes).singleElement().asString().startsWith("the serverless-python-requirements packages were "
                + "computed from requirements.txt (slim; noDeploy idna) for python3.12");
    }

    @Test
    void withLayerTrueTheyAreThePythonRequirementsLayer() throws IOException {
        Deployment d = read("layer: true", "layers:\n  - Ref: PythonRequirementsLambdaLayer");
        LambdaFunction api = d.functions().get(0);
        assertThat(api.layers()).extracting(Artifact::name).containsExactly("pythonRequirements");
        assertThat(api.layers().get(0).frameworkBuilt()).isTrue();
        List<String> notes = new ArrayList<>();
        try (MeasuredArtifact layer = ((ArtifactSource.Built) api.layers().get(0).source()).builder().build(notes)
                .orElseThrow();
             MeasuredArtifact code = ((ArtifactSource.Built) api.code().source()).builder().build(notes).orElseThrow()) {
            assertThat(layer.entries()).extracting(ArchiveEntry::name).contains("python/six.py", "python/idna/__init__.py")
                    .anyMatch(n -> n.startsWith("python/six-1.17.0.dist-info/"));
            assertThat(code.entries()).extracting(ArchiveEntry::name).containsExactly("src/api.py");
        }
    }

    private static long sixPyBytes(MeasuredArtifact zip) {
        return zip.entries().stream().filter(e -> e.name().equals("six.py")).findFirst().orElseThrow().uncompressedSize();
    }
}
