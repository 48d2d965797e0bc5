package dev.layerfit.project.sam;

import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lambda.UnknownTargetException;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.project.cloudformation.Evaluator;
import dev.layerfit.project.cloudformation.LambdaResources;
import dev.layerfit.project.cloudformation.LocalArtifacts;
import dev.layerfit.project.cloudformation.Resolved;
import dev.layerfit.project.cloudformation.Template;
import dev.layerfit.project.cloudformation.TemplateInputs;
import dev.layerfit.project.cloudformation.TemplateNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an AWS SAM application: {@code template.yaml|yml|json} (SAM CLI's default names, in its order) with
 * {@code AWS::Serverless::Function}, {@code AWS::Lambda::Function}, {@code AWS::Serverless::LayerVersion} and
 * {@code AWS::Lambda::LayerVersion}, {@code Globals.Function} merged into each serverless function. When
 * {@code sam build} has run ({@code .aws-sam/build/template.yaml}), its output is measured as built; otherwise each
 * Python function and each layer with {@code Metadata.BuildMethod: python3.x} is computed as {@code sam build}
 * would build it ({@link PipWorkflowBuild}). {@code sam deploy} uploads through S3, so nothing is a direct upload.
 */
public final class SamReader implements DeploymentReader {

    static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    static final String SERVERLESS_LAYER = "AWS::Serverless::LayerVersion";
    /** SAM CLI looks for these, in this order ({@code sam build --template-file} defaults). */
    static final List<String> TEMPLATE_NAMES = List.of("template.yaml", "template.yml", "template.json");
    static final String BUILT_TEMPLATE = ".aws-sam/build/template.yaml";

    @Override
    public String kind() {
        return "sam";
    }

    @Override
    public List<String> markers(Path dir) {
        List<String> found = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(BUILT_TEMPLATE))) {
            found.add(BUILT_TEMPLATE);
        }
        for (String name : TEMPLATE_NAMES) {
            Path t = dir.resolve(name);
            if (Files.isRegularFile(t) && (mentionsServerless(t) || Files.isRegularFile(dir.resolve("samconfig.toml")))) {
                found.add(name);
                break;
            }
        }
        return found;
    }

    /** Whether a template mentions the SAM transform or a serverless resource type (a cheap text test). */
    static boolean mentionsServerless(Path file) {
        return dev.layerfit.io.InputFiles.peekText(file, 20_000_000).map(t -> t.contains("AWS::Serverless")).orElse(false);
    }

    @Override
    public Deployment read(Path dir, ReadOptions options) {
        Path source = Files.isRegularFile(dir) ? dir : TEMPLATE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile)
                .findFirst().orElse(null);
        Path built = Files.isRegularFile(dir) ? null : dir.resolve(BUILT_TEMPLATE);
        boolean useBuilt = built != null && Files.isRegularFile(built);
        if (source == null && !useBuilt) {
            throw new BadInputException("no SAM template in " + dir + ": expected " + String.join(", ", TEMPLATE_NAMES));
        }
        List<String> notes = new ArrayList<>();
        Template sourceTemplate = source != null ? Template.read(source) : null;
        Template template = useBuilt ? Template.read(built) : sourceTemplate;
        if (useBuilt) {
            notes.add("measured sam build's output " + built + "; run sam build again after changing the code");
            try {
                if (source != null && Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(built)) > 0) {
                    notes.add(source + " is newer than " + built + ": run sam build so the check sees the current template");
                }
            } catch (IOException ignored) {
                // times are only for the note
            }
        }
        Reading reading = new Reading(template, sourceTemplate, useBuilt, options, notes);
        List<LambdaFunction> functions = reading.functions();
        String what = "SAM app " + (source != null ? source : built) + (useBuilt ? " (sam build output)" : "");
        return new Deployment(what, "sam deploy", functions, notes);
    }

    /** One read of one template. */
    private static final class Reading {

        private final Template template;
        private final Template sourceTemplate;
        private final boolean built;
        private final ReadOptions options;
        private final List<String> notes;
        private final LambdaResources lambda;
        private final Evaluator eval;
        private final TemplateNode.Mapping globals;

        Reading(Template template, Template sourceTemplate, boolean built, ReadOptions options, List<String> notes) {
            this.template = template;
            this.sourceTemplate = sourceTemplate;
            this.built = built;
            this.options = options;
            this.notes = notes;
            this.eval = new Evaluator(template, new TemplateInputs(options.parameters(), options.region(), options.account()));
            this.lambda = new LambdaResources(eval, this::layer);
            this.globals = template.section("Globals").mapping("Function");
        }

        List<LambdaFunction> functions() {
            List<LambdaFunction> out = new ArrayList<>();
            for (Template.Resource r : template.resources().values()) {
                boolean serverless = r.type().equals(SERVERLESS_FUNCTION);
                if (!serverless && !r.type().equals(LambdaResources.FUNCTION)) {
                    continue;
                }
                List<String> conditionNotes = new ArrayList<>();
                Optional<String> skipped = lambda.skipped(r, conditionNotes);
                if (skipped.isPresent()) {
                    notes.add(skipped.get());
                    continue;
                }
                LambdaFunction f = serverless ? serverlessFunction(r) : lambda.function(r);
                List<String> fnNotes = new ArrayList<>(conditionNotes);
                fnNotes.addAll(f.notes());
                out.add(new LambdaFunction(f.name(), f.runtime(), f.architecture(), f.packageType(), f.layers(), f.code(),
                        sourceLocation(r), fnNotes));
            }
            return out;
        }

        /** Where the user's template defines a resource (the source template when measuring sam build's output). */
        private SourceLocation sourceLocation(Template.Resource r) {
            if (built && sourceTemplate != null) {
                Template.Resource s = sourceTemplate.resources().get(r.logicalId());
                if (s != null) {
                    return s.at();
                }
            }
            return r.at();
        }

        /** A property of a serverless function, or of {@code Globals.Function} when the function does not set it. */
        private TemplateNode property(Template.Resource r, String key) {
            TemplateNode own = r.properties().entries().get(key);
            return own != null ? own : globals.entries().get(key);
        }

        private LambdaFunction serverlessFunction(Template.Resource r) {
            String name = r.logicalId();
            List<String> fnNotes = new ArrayList<>();
            String runtime = text(property(r, "Runtime"), name, "Runtime", fnNotes);
            Architecture arch = lambda.architecture(property(r, "Architectures"), name, fnNotes);
            PackageType type = lambda.packageType(property(r, "PackageType"), name, fnNotes);
            if (type == PackageType.IMAGE || r.properties().entries().containsKey("ImageUri")) {
                fnNotes.add(LambdaResources.imageNote(name));
                return new LambdaFunction(name, runtime, arch, PackageType.IMAGE, List.of(), null, r.at(), fnNotes);
            }
            // Globals lists are additive: the global entries first, then the function's (SAM "Globals section").
            List<Artifact> fnLayers = new ArrayList<>(lambda.layers(globals.entries().get("Layers"), name));
            fnLayers.addAll(lambda.layers(r.properties().entries().get("Layers"), name, fnLayers.size()));
            return new LambdaFunction(name, runtime, arch, type, fnLayers, code(r, runtime, arch, fnNotes), r.at(), fnNotes);
        }

        private String text(TemplateNode node, String fn, String key, List<String> fnNotes) {
            if (node == null) {
                return null;
            }
            Resolved r = eval.text(node);
            if (r instanceof Resolved.Text t) {
                return t.value();
            }
            fnNotes.add(fn + ": its " + key + " cannot be worked out (" + LambdaResources.reason(r) + ")");
            return null;
        }

        private Artifact code(Template.Resource r, String runtime, Architecture arch, List<String> fnNotes) {
            String fn = r.logicalId();
            TemplateNode inline = property(r, "InlineCode");
            if (inline != null) {
                Resolved t = eval.text(inline);
                ArtifactSource s = t instanceof Resolved.Text text ? new ArtifactSource.Inline(
                        runtime != null && runtime.startsWith("nodejs") ? "index.js" : "index.py", text.value())
                        : new ArtifactSource.Unavailable(fn + ": its InlineCode cannot be worked out (" + LambdaResources.reason(t) + ")");
                return new Artifact(ArtifactRole.FUNCTION, "function", "function", s, false, null, inline.at());
            }
            TemplateNode codeUri = property(r, "CodeUri");
            SourceLocation at = codeUri != null ? codeUri.at() : r.at();
            if (codeUri instanceof TemplateNode.Mapping m && m.intrinsicName().isEmpty()) {
                return new Artifact(ArtifactRole.FUNCTION, "function", "function",
                        lambda.s3Object(fn, m, "Bucket", "Key", "Version"), false, null, at);
            }
            // SAM CLI's default CodeUri is the template's folder
            Resolved path = codeUri == null ? new Resolved.Text(".") : eval.text(codeUri);
            if (!(path instanceof Resolved.Text p)) {
                return new Artifact(ArtifactRole.FUNCTION, "function", "function", new ArtifactSource.Unavailable(fn
                        + ": its CodeUri (" + Template.where(codeUri.at()) + ") cannot be worked out (" + LambdaResources.reason(path) + ")"),
                        false, null, at);
            }
            ArtifactSource local = LocalArtifacts.of(template.folder(), p.value(), fn, "CodeUri", at);
            if (built || !(local instanceof ArtifactSource.Local l) || !Files.isDirectory(l.path())) {
                return new Artifact(ArtifactRole.FUNCTION, "function", "function", local, false, null, at);
            }
            String buildMethod = metadataText(r, "BuildMethod");
            Optional<PythonTarget> target = pythonTarget(runtime, arch, buildMethod);
            if (target.isEmpty()) {
                if (buildMethod != null || runtime == null || !runtime.startsWith("python")) {
                    fnNotes.add(fn + ": sam build would build it with " + (buildMethod != null ? "BuildMethod " + buildMethod
                            : "the " + (runtime == null ? "runtime's" : runtime) + " workflow") + ", which layerfit does not run; "
                            + "measured CodeUri " + p.value() + " as it is (run sam build to measure the build)");
                } else {
                    fnNotes.add(fn + ": layerfit cannot build requirements for " + runtime + "; measured CodeUri " + p.value()
                            + " without them (run sam build to measure the build)");
                }
                return new Artifact(ArtifactRole.FUNCTION, "function", "function", local, false, null, at);
            }
            PipWorkflowBuild build = new PipWorkflowBuild("function " + fn, l.path(), target.get(), LayerLayout.root(),
                    index(), toolVersion());
            return new Artifact(ArtifactRole.FUNCTION, "function", "function", new ArtifactSource.Built(build.describe(), build),
                    false, "requirements.txt and the files of CodeUri " + p.value() + " (sam build installs and copies them "
                            + "into the function)", at);
        }

        /** The Python target sam build builds for, when it runs the python_pip workflow. */
        private Optional<PythonTarget> pythonTarget(String runtime, Architecture arch, String buildMethod) {
            String method = buildMethod != null ? buildMethod : runtime;
            if (method == null || !method.startsWith("python")) {
                return Optional.empty();
            }
            if (options.target() != null) {
                return Optional.of(options.target());
            }
            try {
                return Optional.of(new PythonTarget(PythonRuntime.forName(method), arch));
            } catch (UnknownTargetException e) {
                return Optional.empty();
            }
        }

        private String metadataText(Template.Resource r, String key) {
            TemplateNode n = r.metadata().entries().get(key);
            return n != null && eval.text(n) instanceof Resolved.Text t ? t.value() : null;
        }

        private IndexSettings index() {
            return options.index() != null ? options.index() : IndexSettings.none();
        }

        private String toolVersion() {
            return options.toolVersion() != null ? options.toolVersion() : "dev";
        }

        /** A layer resource a function names: serverless layers here; Lambda layers are LambdaResources' own. */
        private Optional<Artifact> layer(Template.Resource r, String function) {
            return r.type().equals(SERVERLESS_LAYER) ? Optional.of(serverlessLayer(r)) : Optional.empty();
        }

        private Artifact serverlessLayer(Template.Resource r) {
            String id = r.logicalId();
            TemplateNode content = r.properties().entries().get("ContentUri");
            SourceLocation at = r.at();
            if (content == null) {
                return layerArtifact(id, new ArtifactSource.Unavailable("layer " + id + " has no ContentUri (" + Template.where(at) + ")"),
                        null, at);
            }
            if (content instanceof TemplateNode.Mapping m && m.intrinsicName().isEmpty()) {
                return layerArtifact(id, lambda.s3Object("layer " + id, m, "Bucket", "Key", "Version"), null, at);
            }
            Resolved path = eval.text(content);
            if (!(path instanceof Resolved.Text p)) {
                return layerArtifact(id, new ArtifactSource.Unavailable("layer " + id + ": its ContentUri cannot be worked out ("
                        + LambdaResources.reason(path) + ")"), null, at);
            }
            ArtifactSource local = LocalArtifacts.of(template.folder(), p.value(), "layer " + id, "ContentUri", content.at());
            String buildMethod = metadataText(r, "BuildMethod");
            if (built || buildMethod == null || !(local instanceof ArtifactSource.Local l) || !Files.isDirectory(l.path())) {
                return layerArtifact(id, local, null, at);
            }
            String archText = metadataText(r, "BuildArchitecture");
            Architecture arch;
            try {
                arch = archText != null ? Architecture.parse(archText) : Architecture.X86_64;
            } catch (UnknownTargetException e) {
                arch = Architecture.X86_64;
                notes.add("layer " + id + ": BuildArchitecture " + archText + " is not x86_64 or arm64; built for x86_64");
            }
            Optional<PythonTarget> target = buildMethod.startsWith("python") ? pythonTarget(buildMethod, arch, buildMethod)
                    : Optional.empty();
            if (target.isEmpty()) {
                notes.add("layer " + id + ": sam build would build it with BuildMethod " + buildMethod + ", which layerfit does "
                        + "not run; measured ContentUri " + p.value() + " as it is (run sam build to measure the build)");
                return layerArtifact(id, local, null, at);
            }
            PipWorkflowBuild build = new PipWorkflowBuild("layer " + id, l.path(), target.get(),
                    LayerLayout.python(), index(), toolVersion());
            return layerArtifact(id, new ArtifactSource.Built(build.describe(), build), "requirements.txt and the files of "
                    + "ContentUri " + p.value() + " (sam build installs and copies them under python/, Metadata.BuildMethod "
                    + buildMethod + ")", at);
        }

        private static Artifact layerArtifact(String id, ArtifactSource source, String control, SourceLocation at) {
            return new Artifact(ArtifactRole.LAYER, id, id, source, false, control, at);
        }
    }
}
