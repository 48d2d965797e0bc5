package dev.layerfit.project.cloudformation;

import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.UnknownTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the plain Lambda resources of a template ({@code AWS::Lambda::Function}, {@code AWS::Lambda::LayerVersion};
 * property names from the CloudFormation resource reference) into the deployment model, and the pieces other
 * template readers share: layers lists, architectures, runtimes, resource conditions.
 */
public final class LambdaResources {

    public static final String FUNCTION = "AWS::Lambda::Function";
    public static final String LAYER_VERSION = "AWS::Lambda::LayerVersion";

    /** Turns a layer resource of the template that a function names into its artifact. */
    @FunctionalInterface
    public interface TemplateLayers {

        /** The artifact of layer resource {@code layer} (any type this reader knows), or empty when not a layer. */
        Optional<Artifact> layer(Template.Resource layer, String function);
    }

    private final Evaluator eval;
    private final TemplateLayers templateLayers;
    /** Each layer resource read once: a layer shared by several functions is one artifact (measured once). */
    private final java.util.Map<String, Artifact> layerArtifacts = new java.util.HashMap<>();

    /** @param templateLayers the layer types the reader knows, tried before {@code AWS::Lambda::LayerVersion} */
    public LambdaResources(Evaluator eval, TemplateLayers templateLayers) {
        this.eval = eval;
        this.templateLayers = templateLayers;
    }

    public Evaluator evaluator() {
        return eval;
    }

    /**
     * Whether a resource is created: empty when it is; a sentence when its {@code Condition} is false. A condition
     * that cannot be decided adds a note to {@code notes} and counts as true.
     */
    public Optional<String> skipped(Template.Resource r, List<String> notes) {
        if (r.condition() == null) {
            return Optional.empty();
        }
        Resolved c = eval.condition(r.condition());
        if (c instanceof Resolved.Text t) {
            return t.value().equals("true") ? Optional.empty()
                    : Optional.of(r.logicalId() + " is not created: its condition " + r.condition() + " is false");
        }
        notes.add(r.logicalId() + ": " + ((Resolved.Unknown) c).reason() + "; checked as if it holds");
        return Optional.empty();
    }

    /** An {@code AWS::Lambda::Function}. */
    public LambdaFunction function(Template.Resource r) {
        List<String> notes = new ArrayList<>();
        TemplateNode.Mapping p = r.properties();
        String name = r.logicalId();
        String runtime = text(p, "Runtime", name, notes);
        Architecture arch = architecture(p.entries().get("Architectures"), name, notes);
        PackageType type = packageType(p.entries().get("PackageType"), name, notes);
        if (type == PackageType.IMAGE) {
            notes.add(imageNote(name));
            return new LambdaFunction(name, runtime, arch, type, List.of(), null, r.at(), notes);
        }
        List<Artifact> layers = layers(p.entries().get("Layers"), name);
        return new LambdaFunction(name, runtime, arch, type, layers, code(r, runtime), r.at(), notes);
    }

    /** The sentence for an image function. */
    public static String imageNote(String function) {
        return function + " is a container image function (PackageType Image): the zip limits do not apply and its "
                + "image is not measured";
    }

    /** The code of an {@code AWS::Lambda::Function}: {@code Code} as a local path, ZipFile, S3Bucket/S3Key. */
    private Artifact code(Template.Resource r, String runtime) {
        String fn = r.logicalId();
        TemplateNode code = r.properties().entries().get("Code");
        ArtifactSource source;
        if (code == null) {
            source = new ArtifactSource.Unavailable(fn + " has no Code (" + Template.where(r.at()) + ")");
        } else if (code instanceof TemplateNode.Mapping m && m.intrinsicName().isEmpty()) {
            source = codeObject(fn, m, runtime);
        } else {
            Resolved path = eval.text(code);
            source = path instanceof Resolved.Text t ? CodePaths.of(eval.template().folder(), t.value(), fn, "Code", code.at())
                    : new ArtifactSource.Unavailable(fn + ": its Code (" + Template.where(code.at()) + ") cannot be worked out ("
                            + reason(path) + ")");
        }
        return new Artifact(ArtifactRole.FUNCTION, "function", "function", source, false, null, code == null ? r.at() : code.at());
    }

    private ArtifactSource codeObject(String fn, TemplateNode.Mapping m, String runtime) {
        if (m.entries().containsKey("ZipFile")) {
            Resolved text = eval.text(m.entries().get("ZipFile"));
            return text instanceof Resolved.Text t ? new ArtifactSource.Inline(inlineFileName(runtime), t.value())
                    : new ArtifactSource.Unavailable(fn + ": its ZipFile code cannot be worked out (" + reason(text) + ")");
        }
        if (m.entries().containsKey("S3Bucket") || m.entries().containsKey("S3Key")) {
            return s3Object(fn, m, "S3Bucket", "S3Key", "S3ObjectVersion");
        }
        if (m.entries().containsKey("ImageUri")) {
            return new ArtifactSource.Unavailable(imageNote(fn));
        }
        return new ArtifactSource.Unavailable(fn + ": its Code (" + Template.where(m.at()) + ") has neither ZipFile nor S3Bucket/S3Key");
    }

    /** An S3 object from bucket/key/version properties, each resolved. */
    public ArtifactSource s3Object(String owner, TemplateNode.Mapping m, String bucketKey, String keyKey, String versionKey) {
        Resolved bucket = m.get(bucketKey).map(eval::text).orElse(new Resolved.Unknown(bucketKey + " is missing"));
        Resolved key = m.get(keyKey).map(eval::text).orElse(new Resolved.Unknown(keyKey + " is missing"));
        Resolved version = m.get(versionKey).map(eval::text).orElse(null);
        if (bucket instanceof Resolved.Text b && key instanceof Resolved.Text k) {
            return new ArtifactSource.S3Object(b.value(), k.value(), version instanceof Resolved.Text v ? v.value() : null);
        }
        return new ArtifactSource.Unavailable(owner + ": its S3 location cannot be worked out ("
                + reason(bucket instanceof Resolved.Text ? key : bucket) + ")");
    }

    /** The file Lambda names inline code ({@code ZipFile}): {@code index.py} for Python, {@code index.js} for Node.js. */
    static String inlineFileName(String runtime) {
        return runtime != null && runtime.startsWith("nodejs") ? "index.js" : "index.py";
    }

    /** An {@code AWS::Lambda::LayerVersion}'s {@code Content}: a local path, or S3Bucket/S3Key. */
    public Artifact lambdaLayer(Template.Resource r) {
        String id = r.logicalId();
        TemplateNode content = r.properties().entries().get("Content");
        ArtifactSource source;
        if (content == null) {
            source = new ArtifactSource.Unavailable("layer " + id + " has no Content (" + Template.where(r.at()) + ")");
        } else if (content instanceof TemplateNode.Mapping m && m.intrinsicName().isEmpty()) {
            source = s3Object("layer " + id, m, "S3Bucket", "S3Key", "S3ObjectVersion");
        } else {
            Resolved path = eval.text(content);
            source = path instanceof Resolved.Text t
                    ? CodePaths.of(eval.template().folder(), t.value(), "layer " + id, "Content", content.at())
                    : new ArtifactSource.Unavailable("layer " + id + ": its Content cannot be worked out (" + reason(path) + ")");
        }
        return new Artifact(ArtifactRole.LAYER, id, id, source, false, null, r.at());
    }

    /** A function's {@code Layers}, in order: ARNs, references to layer resources of the template, parameters. */
    public List<Artifact> layers(TemplateNode node, String function) {
        return layers(node, function, 0);
    }

    /** {@link #layers(TemplateNode, String)} for a list that follows {@code before} other layers (SAM's Globals). */
    public List<Artifact> layers(TemplateNode node, String function, int before) {
        List<Artifact> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Resolved r = eval.resolve(node);
        if (r instanceof Resolved.NoValue) {
            return out;
        }
        List<Resolved> items;
        List<TemplateNode> nodes = node instanceof TemplateNode.Sequence seq ? seq.items() : List.of();
        if (r instanceof Resolved.Items list) {
            items = list.items();
        } else {
            items = List.of(r);
        }
        for (int i = 0; i < items.size(); i++) {
            TemplateNode written = nodes.size() == items.size() ? nodes.get(i) : node;
            addLayer(out, items.get(i), written, function, before + out.size() + 1);
        }
        return out;
    }

    private void addLayer(List<Artifact> out, Resolved r, TemplateNode written, String function, int position) {
        if (r instanceof Resolved.Items list) {
            int first = position - out.size();
            for (Resolved item : list.items()) {
                addLayer(out, item, written, function, first + out.size());
            }
            return;
        }
        if (r instanceof Resolved.NoValue) {
            return;
        }
        if (r instanceof Resolved.Text t) {
            out.add(arnLayer(t.value(), function, position, written));
            return;
        }
        if (r instanceof Resolved.ResourceRef ref) {
            Template.Resource layer = eval.template().resources().get(ref.logicalId());
            Optional<Artifact> a = Optional.ofNullable(layerArtifacts.get(layer.logicalId()));
            if (a.isEmpty()) {
                a = templateLayers.layer(layer, function);
            }
            if (a.isEmpty() && layer.type().equals(LAYER_VERSION)) {
                a = Optional.of(lambdaLayer(layer));
            }
            a.ifPresent(artifact -> layerArtifacts.put(layer.logicalId(), artifact));
            out.add(a.orElseGet(() -> unavailableLayer(ref.logicalId(), function + ": layer " + position + " ("
                    + Expressions.show(written) + ") names " + ref.logicalId() + ", a " + layer.type() + ", not a layer version",
                    written)));
            return;
        }
        String why = reason(r);
        out.add(unavailableLayer("layer-" + position, function + ": layer " + position + " (" + Template.where(written.at())
                + "): " + why, written));
    }

    private Artifact arnLayer(String arn, String function, int position, TemplateNode written) {
        Optional<LayerArn> parsed = LayerArn.parse(arn);
        if (parsed.isEmpty()) {
            return unavailableLayer(arn, function + ": layer " + position + " '" + arn + "' (" + Template.where(written.at())
                    + ") is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)", written);
        }
        // a local copy the user mapped (--layer ARN=PATH) replaces it later (ArtifactMap.applyTo)
        return new Artifact(ArtifactRole.LAYER, arn, parsed.get().shortName(), new ArtifactSource.Remote(arn), false, null,
                written.at());
    }

    private static Artifact unavailableLayer(String ref, String reason, TemplateNode written) {
        return new Artifact(ArtifactRole.LAYER, ref, ref, new ArtifactSource.Unavailable(reason), false, null, written.at());
    }

    /** The first of {@code Architectures}, x86_64 when absent (Lambda's default). */
    public Architecture architecture(TemplateNode node, String function, List<String> notes) {
        if (node == null) {
            return Architecture.X86_64;
        }
        Resolved r = eval.resolve(node);
        if (r instanceof Resolved.Items items && !items.items().isEmpty()) {
            r = items.items().get(0);
        }
        if (r instanceof Resolved.Text t) {
            try {
                return Architecture.parse(t.value());
            } catch (UnknownTargetException e) {
                notes.add(function + ": Architectures " + t.value() + " is not x86_64 or arm64; checked as x86_64");
                return Architecture.X86_64;
            }
        }
        if (!(r instanceof Resolved.NoValue)) {
            notes.add(function + ": its Architectures cannot be worked out (" + reason(r) + "); checked as x86_64");
        }
        return Architecture.X86_64;
    }

    /** {@code PackageType}: Image or Zip (the default). */
    public PackageType packageType(TemplateNode node, String function, List<String> notes) {
        if (node == null) {
            return PackageType.ZIP;
        }
        Resolved r = eval.text(node);
        if (r instanceof Resolved.Text t) {
            return t.value().equalsIgnoreCase("Image") ? PackageType.IMAGE : PackageType.ZIP;
        }
        notes.add(function + ": its PackageType cannot be worked out (" + reason(r) + "); checked as Zip");
        return PackageType.ZIP;
    }

    /** A string property, null when absent or unknown (with a note). */
    public String text(TemplateNode.Mapping p, String key, String function, List<String> notes) {
        TemplateNode n = p.entries().get(key);
        if (n == null) {
            return null;
        }
        Resolved r = eval.text(n);
        if (r instanceof Resolved.Text t) {
            return t.value();
        }
        if (!(r instanceof Resolved.NoValue)) {
            notes.add(function + ": its " + key + " cannot be worked out (" + reason(r) + ")");
        }
        return null;
    }

    /** Why a value is not usable. */
    public static String reason(Resolved r) {
        if (r instanceof Resolved.Unknown u) {
            return u.reason();
        }
        if (r instanceof Resolved.ResourceRef ref) {
            return ref.logicalId() + (ref.attribute() != null ? "." + ref.attribute() : "") + " is known only after deploying";
        }
        return "not a string";
    }
}
