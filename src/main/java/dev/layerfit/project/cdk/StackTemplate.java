package dev.layerfit.project.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.io.JsonFile;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One synthesized stack template (or a nested stack's) of a cloud assembly, read for its Lambda functions.
 * CDK marks every resource whose code is a local asset with {@code aws:asset:path} (the staged folder or file,
 * relative to the assembly) and {@code aws:asset:property} (the property it fills: {@code Code} for a function,
 * {@code Content} for a layer, {@code TemplateURL} for a nested stack); without that metadata
 * ({@code --no-asset-metadata}) the S3 object key is looked up in the asset manifests. A layer given to a nested
 * stack arrives as a parameter whose value the parent stack passes: it is followed into the parent.
 */
final class StackTemplate {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String LAYER = "AWS::Lambda::LayerVersion";
    private static final String NESTED_STACK = "AWS::CloudFormation::Stack";

    private final CloudAssembly assembly;
    private final CloudAssembly.Stack stack;
    private final Path file;
    private final JsonNode resources;
    private final StackTemplate parent;
    private final JsonNode parameterValues;

    private StackTemplate(CloudAssembly assembly, CloudAssembly.Stack stack, Path file, StackTemplate parent,
            JsonNode parameterValues) {
        this.assembly = assembly;
        this.stack = stack;
        this.file = file;
        this.resources = JsonFile.readObject(file, CloudAssembly.HINT).path("Resources");
        this.parent = parent;
        this.parameterValues = parameterValues;
    }

    /** The functions of a stack and its nested stacks, in template order; caveats go to {@code notes}. */
    static List<LambdaFunction> functions(CloudAssembly assembly, CloudAssembly.Stack stack, List<String> notes) {
        List<LambdaFunction> out = new ArrayList<>();
        new StackTemplate(assembly, stack, stack.templateFile(), null, null).collect(out, notes);
        return out;
    }

    private void collect(List<LambdaFunction> out, List<String> notes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("Type").asText();
            if (FUNCTION.equals(type)) {
                out.add(function(e.getKey(), e.getValue()));
            } else if (NESTED_STACK.equals(type)) {
                nested(e.getKey(), e.getValue(), notes).ifPresent(n -> n.collect(out, notes));
            }
        }
    }

    private Optional<StackTemplate> nested(String logicalId, JsonNode resource, List<String> notes) {
        Optional<Path> template = assetPath(resource, "TemplateURL")
                .or(() -> objectKeyAsset(lastUrlPart(resource.path("Properties").path("TemplateURL"))));
        String name = constructName(logicalId, resource);
        if (template.isEmpty()) {
            notes.add("the nested stack " + name + " takes its template from a URL, not from cdk.out, so its "
                    + "functions are not checked");
            return Optional.empty();
        }
        if (!Files.isRegularFile(template.get())) {
            notes.add("the template " + assembly.dir().relativize(template.get()) + " of nested stack " + name
                    + " is missing from cdk.out, so its functions are not checked; run cdk synth again");
            return Optional.empty();
        }
        return Optional.of(new StackTemplate(assembly, stack, template.get(), this,
                resource.path("Properties").path("Parameters")));
    }

    private LambdaFunction function(String logicalId, JsonNode resource) {
        JsonNode props = resource.path("Properties");
        String name = constructName(logicalId, resource);
        String runtime = props.path("Runtime").isTextual() ? props.path("Runtime").asText() : null;
        JsonNode archs = props.path("Architectures");
        Architecture arch = archs.isArray() && archs.size() > 0 && archs.get(0).isTextual()
                ? Architecture.parse(archs.get(0).asText()) : Architecture.X86_64;
        PackageType type = "Image".equalsIgnoreCase(props.path("PackageType").asText())
                ? PackageType.IMAGE : PackageType.ZIP;
        List<Artifact> layers = new ArrayList<>();
        JsonNode layerList = props.path("Layers");
        for (int i = 0; i < layerList.size(); i++) {
            layers.add(layer(layerList.get(i), name, i + 1));
        }
        Artifact code = type == PackageType.IMAGE ? null : Artifact.of(ArtifactRole.FUNCTION, "function", "function",
                code(resource, name, runtime), false);
        return new LambdaFunction(name, runtime, arch, type, layers, code, definedAt(resource), List.of());
    }

    private ArtifactSource code(JsonNode resource, String function, String runtime) {
        JsonNode code = resource.path("Properties").path("Code");
        Optional<Path> asset = assetPath(resource, "Code").or(() -> objectKeyAsset(text(code.path("S3Key"))));
        if (asset.isPresent()) {
            return local(asset.get(), "the code of function " + function);
        }
        if (code.path("ZipFile").isTextual()) {
            return new ArtifactSource.Inline(inlineFileName(runtime), code.path("ZipFile").asText());
        }
        if (code.path("S3Bucket").isTextual() && code.path("S3Key").isTextual()) {
            return new ArtifactSource.S3Object(code.path("S3Bucket").asText(), code.path("S3Key").asText(),
                    code.path("S3ObjectVersion").isTextual() ? code.path("S3ObjectVersion").asText() : null);
        }
        return new ArtifactSource.Unavailable("the code of function " + function + " is " + code
                + ", neither an asset in cdk.out nor a fixed S3 object, so layerfit cannot measure it");
    }

    /** CloudFormation writes inline code to a file named index with the runtime's extension (AWS::Lambda::Function Code.ZipFile). */
    private static String inlineFileName(String runtime) {
        if (runtime != null && runtime.startsWith("python")) {
            return "index.py";
        }
        if (runtime != null && runtime.startsWith("nodejs")) {
            return "index.js";
        }
        return "index";
    }

    private Artifact layer(JsonNode node, String function, int position) {
        if (node.isTextual()) {
            String arn = node.asText();
            if (!LayerArn.looksLikeLayerArn(arn)) {
                return unavailableLayer(arn, "layer " + position + " of function " + function + ", '" + arn
                        + "', is not a layer version ARN");
            }
            // a local copy the user maps (--layer ARN=PATH) replaces it after reading (ArtifactMap.applyTo)
            return Artifact.of(ArtifactRole.LAYER, arn, LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn),
                    new ArtifactSource.Remote(arn), false);
        }
        String ref = node.path("Ref").asText("");
        JsonNode target = resources.path(ref);
        if (LAYER.equals(target.path("Type").asText())) {
            return layerVersion(ref, target, function);
        }
        if (parent != null && parameterValues != null && parameterValues.has(ref)) {
            return parent.layer(parameterValues.get(ref), function, position);
        }
        return unavailableLayer(node.toString(), "layer " + position + " of function " + function + " is " + node
                + ", which the synthesized template does not resolve to a layer version, so layerfit cannot measure it");
    }

    private Artifact layerVersion(String logicalId, JsonNode resource, String function) {
        String path = constructName(logicalId, resource);
        String shortName = path.substring(path.lastIndexOf('/') + 1);
        Optional<Path> asset = assetPath(resource, "Content")
                .or(() -> objectKeyAsset(text(resource.path("Properties").path("Content").path("S3Key"))));
        ArtifactSource source = asset.isPresent()
                ? local(asset.get(), "the layer " + path + " of function " + function)
                : new ArtifactSource.Unavailable("the layer " + path + " of function " + function
                        + " is not an asset in cdk.out, so layerfit cannot measure it");
        return new Artifact(ArtifactRole.LAYER, path, shortName, source, false, null, definedAt(resource));
    }

    private static Artifact unavailableLayer(String ref, String reason) {
        return Artifact.of(ArtifactRole.LAYER, ref, ref, new ArtifactSource.Unavailable(reason), false);
    }

    private ArtifactSource local(Path asset, String what) {
        if (Files.exists(asset)) {
            return new ArtifactSource.Local(asset);
        }
        return new ArtifactSource.Unavailable("the asset " + assembly.dir().relativize(asset) + " (" + what
                + ") is missing from " + assembly.dir() + "; run cdk synth again");
    }

    /** The staged asset CDK's metadata names for {@code property}. */
    private Optional<Path> assetPath(JsonNode resource, String property) {
        JsonNode meta = resource.path("Metadata");
        String path = meta.path("aws:asset:path").asText("");
        String prop = meta.path("aws:asset:property").asText(property);
        if (path.isEmpty() || !prop.equals(property)) {
            return Optional.empty();
        }
        return Optional.of(stack.assemblyDir().resolve(path));
    }

    private Optional<Path> objectKeyAsset(String key) {
        return key == null ? Optional.empty() : assembly.assetForObjectKey(key);
    }

    /** A string value, or the string of an {@code Fn::Sub} (CDK writes the assets bucket so). */
    private static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return node.path("Fn::Sub").isTextual() ? node.path("Fn::Sub").asText() : null;
    }

    /** The object key at the end of a nested stack's TemplateURL ({@code Fn::Join} of the bucket URL and the key). */
    private static String lastUrlPart(JsonNode url) {
        String last = null;
        if (url.isTextual()) {
            last = url.asText();
        } else {
            for (JsonNode part : url.path("Fn::Join").path(1)) {
                if (part.isTextual()) {
                    last = part.asText();
                }
            }
        }
        return last == null ? null : last.substring(last.lastIndexOf('/') + 1);
    }

    /** The construct path without its trailing "/Resource" ("LayerfitApi/ApiFunction"), else stack/logical id. */
    private String constructName(String logicalId, JsonNode resource) {
        String path = resource.path("Metadata").path("aws:cdk:path").asText("");
        if (path.isEmpty()) {
            return stack.id() + "/" + logicalId;
        }
        return path.endsWith("/Resource") ? path.substring(0, path.length() - "/Resource".length()) : path;
    }

    private SourceLocation definedAt(JsonNode resource) {
        String path = resource.path("Metadata").path("aws:cdk:path").asText("");
        return assembly.creationSite(path).orElse(SourceLocation.of(file, 0));
    }
}
