package dev.layerfit.project.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import dev.layerfit.io.JsonFile;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A service packaged by {@code serverless package} (or left by {@code serverless deploy}): the
 * {@code .serverless/} folder with {@code cloudformation-template-update-stack.json} — what CloudFormation will
 * create, the source of truth — {@code serverless-state.json} (the service's function names) and the zips the
 * template's S3 keys name. Each function's and layer's S3 key ends with the zip's file name in that folder.
 */
final class PackagedService {

    static final String TEMPLATE = "cloudformation-template-update-stack.json";
    static final String STATE = "serverless-state.json";
    private static final String HINT = "run serverless package again";

    private final Path packageDir;
    private final JsonNode resources;

    private PackagedService(Path packageDir, JsonNode resources) {
        this.packageDir = packageDir;
        this.resources = resources;
    }

    /**
     * @param config the service's configuration, for where each function is defined; null when absent or unreadable
     */
    static Deployment read(Path packageDir, ServerlessConfig config, ReadOptions options) {
        Path templateFile = packageDir.resolve(TEMPLATE);
        JsonNode template = JsonFile.readObject(templateFile, HINT);
        Path stateFile = packageDir.resolve(STATE);
        JsonNode service = Files.isRegularFile(stateFile) ? JsonFile.readObject(stateFile, HINT).path("service")
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        String serviceName = service.path("service").asText(config == null ? "?" : config.serviceName());
        String stage = service.path("provider").path("stage").asText(null);
        List<String> notes = new ArrayList<>();
        if (options != null && options.stage() != null && stage != null && !stage.equals(options.stage())) {
            throw new BadInputException(packageDir + " holds the package of stage " + stage + ", not "
                    + options.stage() + ": run serverless package --stage " + options.stage() + " first");
        }
        if (config != null && newer(config.file(), templateFile)) {
            notes.add(config.file() + " changed after " + packageDir + " was packaged; run serverless package "
                    + "again to check what it deploys now");
        }
        Map<String, String> namesByLogicalId = new HashMap<>();
        for (Iterator<String> it = service.path("functions").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            namesByLogicalId.put(ServerlessNames.functionLogicalId(name), name);
        }
        PackagedService reader = new PackagedService(packageDir, template.path("Resources"));
        List<LambdaFunction> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("AWS::Lambda::Function".equals(e.getValue().path("Type").asText())) {
                String name = namesByLogicalId.getOrDefault(e.getKey(), e.getKey());
                SourceLocation at = config != null && config.functionLine(name) > 0
                        ? SourceLocation.of(config.file(), config.functionLine(name)) : SourceLocation.of(templateFile, 0);
                functions.add(reader.function(name, e.getValue().path("Properties"), at));
            }
        }
        if (functions.isEmpty()) {
            notes.add(templateFile + " defines no Lambda function");
        }
        return new Deployment("Serverless service " + serviceName + (stage == null ? "" : ", stage " + stage)
                + ", packaged in " + packageDir, "serverless deploy", functions, notes);
    }

    /**
     * Whether {@code a} changed well after {@code b} was written: more than a minute, so that the order in which a
     * checkout or copy writes both files does not count.
     */
    private static boolean newer(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).toMillis() - Files.getLastModifiedTime(b).toMillis() > 60_000;
        } catch (IOException e) {
            return false;
        }
    }

    private LambdaFunction function(String name, JsonNode props, SourceLocation at) {
        String runtime = props.path("Runtime").isTextual() ? props.path("Runtime").asText() : null;
        JsonNode archs = props.path("Architectures");
        Architecture arch = archs.isArray() && archs.size() > 0 && archs.get(0).isTextual()
                ? Architecture.parse(archs.get(0).asText()) : Architecture.X86_64;
        boolean image = "Image".equalsIgnoreCase(props.path("PackageType").asText())
                || props.path("Code").has("ImageUri");
        List<Artifact> layers = new ArrayList<>();
        JsonNode list = props.path("Layers");
        for (int i = 0; i < list.size(); i++) {
            layers.add(layer(list.get(i), name, i + 1));
        }
        Artifact code = image ? null : Artifact.of(ArtifactRole.FUNCTION, "function", "function",
                zip(props.path("Code"), "the package of function " + name), false);
        return new LambdaFunction(name, runtime, arch, image ? PackageType.IMAGE : PackageType.ZIP, layers, code, at,
                List.of());
    }

    private Artifact layer(JsonNode node, String function, int position) {
        if (node.isTextual() && LayerArn.looksLikeLayerArn(node.asText())) {
            String arn = node.asText();
            // a local copy the user maps (--layer ARN=PATH) replaces it after reading (ArtifactMap.applyTo)
            return Artifact.of(ArtifactRole.LAYER, arn, LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn),
                    new ArtifactSource.Remote(arn), false);
        }
        String ref = node.path("Ref").asText("");
        JsonNode target = resources.path(ref);
        if ("AWS::Lambda::LayerVersion".equals(target.path("Type").asText())) {
            JsonNode props = target.path("Properties");
            String name = props.path("LayerName").isTextual() ? props.path("LayerName").asText() : ref;
            return Artifact.of(ArtifactRole.LAYER, ref, name,
                    zip(props.path("Content"), "the layer " + name + " of function " + function), false);
        }
        return Artifact.of(ArtifactRole.LAYER, node.toString(), node.toString(), new ArtifactSource.Unavailable(
                "layer " + position + " of function " + function + " is " + node + ", which the packaged template "
                        + "does not resolve to a layer version ARN or a layer of this service, so layerfit cannot measure it"),
                false);
    }

    /** The zip an S3 location names: the file of the key's last part in the package folder. */
    private ArtifactSource zip(JsonNode location, String what) {
        JsonNode key = location.path("S3Key");
        if (!key.isTextual()) {
            return new ArtifactSource.Unavailable(what + " has no fixed S3Key in " + packageDir.resolve(TEMPLATE)
                    + ", so layerfit cannot find its zip");
        }
        String fileName = key.asText().substring(key.asText().lastIndexOf('/') + 1);
        Path zip = packageDir.resolve(fileName);
        if (Files.isRegularFile(zip)) {
            return new ArtifactSource.Local(zip);
        }
        if (location.path("S3Bucket").isTextual()) {
            return new ArtifactSource.S3Object(location.path("S3Bucket").asText(), key.asText(), null);
        }
        return new ArtifactSource.Unavailable(what + ", " + fileName + ", is missing from " + packageDir + "; " + HINT);
    }
}
