package dev.layerfit.project.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.layerfit.archive.Artifacts;
import dev.layerfit.archive.FolderArtifact;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lambda.UnknownTargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A service read from its configuration alone, before {@code serverless package}: {@code provider} (runtime,
 * architecture, layers, stage, region), {@code functions} (runtime, architecture, image, layers — a function's
 * list replaces the provider's — and package settings), the service's own {@code layers}, {@code package}
 * ({@code patterns}, the older {@code include}/{@code exclude}, {@code individually}, {@code artifact}) and
 * serverless-python-requirements' {@code custom.pythonRequirements}. Zips are computed as serverless would make
 * them ({@link PackagePatterns}); each value a variable makes unknowable is said, naming the function.
 */
final class ConfiguredService {

    private final Path dir;
    private final ServerlessConfig config;
    private final ServerlessVariables vars;
    private final ReadOptions options;
    private final List<String> notes = new ArrayList<>();
    private final JsonNode root;
    private final PythonRequirements requirements;
    private final Map<String, ArtifactSource> layerSources = new HashMap<>();
    private ArtifactSource servicePackage;

    private ConfiguredService(Path dir, ServerlessConfig config, ReadOptions options, Function<String, String> env) {
        this.dir = dir;
        this.config = config;
        this.options = options;
        this.root = config.root();
        this.vars = new ServerlessVariables(root, options == null ? null : options.stage(),
                options == null ? null : options.region(), options == null ? null : options.account(),
                options == null ? Map.of() : options.parameters(), env);
        this.requirements = pythonRequirements();
    }

    static Deployment read(Path dir, ServerlessConfig config, ReadOptions options, Function<String, String> env) {
        return new ConfiguredService(dir, config, options, env).deployment();
    }

    private Deployment deployment() {
        if (root.path("functions").isTextual() && root.path("functions").asText().contains("${")) {
            throw new BadInputException(config.file() + ": functions come from " + root.path("functions").asText()
                    + ", which layerfit cannot resolve; run serverless package and check the service again");
        }
        if (!root.path("functions").isObject()) {
            throw new BadInputException(config.file() + " defines no functions (a \"functions:\" map)");
        }
        List<LambdaFunction> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("functions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            functions.add(function(e.getKey(), e.getValue()));
        }
        notes.add(0, "read from " + config.file() + " alone; run serverless package and check the service again for "
                + "exactly the zips serverless deploys");
        return new Deployment("Serverless service " + config.serviceName() + ", stage " + vars.stage() + ", from "
                + config.file(), "serverless deploy", functions, notes);
    }

    private PythonRequirements pythonRequirements() {
        boolean plugin = false;
        JsonNode plugins = root.path("plugins");
        for (JsonNode p : plugins.isArray() ? plugins : plugins.path("modules")) {
            plugin |= PythonRequirements.PLUGIN.equals(p.asText());
        }
        if (!plugin) {
            return null;
        }
        JsonNode custom = root.path("custom").path("pythonRequirements");
        JsonNode resolved = resolvedOrNote(custom, "custom.pythonRequirements").orElse(MissingNode.getInstance());
        PythonRequirements r = PythonRequirements.of(dir, resolved);
        if (r == null) {
            notes.add(PythonRequirements.PLUGIN + " is on but " + dir.resolve(resolved.path("fileName")
                    .asText("requirements.txt")) + " is missing, so it adds no packages");
        }
        return r;
    }

    private LambdaFunction function(String name, JsonNode fn) {
        List<String> fnNotes = new ArrayList<>();
        JsonNode provider = root.path("provider");
        String runtime = text(fn.has("runtime") ? fn.path("runtime") : provider.path("runtime"),
                "the runtime of function " + name, fnNotes);
        if (runtime == null && !fn.has("runtime") && !provider.has("runtime") && !fn.has("image")) {
            fnNotes.add("neither function " + name + " nor the provider names a runtime (serverless then uses its "
                    + "Node.js default)");
        }
        String archText = text(fn.has("architecture") ? fn.path("architecture") : provider.path("architecture"),
                "the architecture of function " + name, fnNotes);
        Architecture arch = archText == null ? Architecture.X86_64 : Architecture.parse(archText);
        SourceLocation at = SourceLocation.of(config.file(), config.functionLine(name));
        if (fn.has("image")) {
            return new LambdaFunction(name, runtime, arch, PackageType.IMAGE, List.of(), null, at, fnNotes);
        }
        List<Artifact> layers = new ArrayList<>();
        JsonNode list = fn.has("layers") ? fn.path("layers") : provider.path("layers");
        for (int i = 0; i < list.size(); i++) {
            layers.add(layer(list.get(i), name, i + 1));
        }
        Artifact code = Artifact.of(ArtifactRole.FUNCTION, "function", "function",
                code(name, fn.path("package"), runtime, arch), false);
        return new LambdaFunction(name, runtime, arch, PackageType.ZIP, layers, code, at, fnNotes);
    }

    private Artifact layer(JsonNode raw, String function, int position) {
        String what = "layer " + position + " of function " + function;
        JsonNode node;
        try {
            node = vars.resolve(raw);
        } catch (ServerlessVariables.UnresolvedException e) {
            return Artifact.of(ArtifactRole.LAYER, raw.toString(), raw.asText(raw.toString()),
                    new ArtifactSource.Unavailable(unresolved(what, e)), false);
        }
        if (node.isTextual() && LayerArn.looksLikeLayerArn(node.asText())) {
            String arn = node.asText();
            // a local copy the user maps (--layer ARN=PATH) replaces it after reading (ArtifactMap.applyTo)
            return Artifact.of(ArtifactRole.LAYER, arn, LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn),
                    new ArtifactSource.Remote(arn), false);
        }
        String ref = node.path("Ref").asText("");
        if (ref.equals(ServerlessNames.layerLogicalId(PythonRequirements.LAYER_NAME))
                && requirements != null && requirements.layer()) {
            return new Artifact(ArtifactRole.LAYER, ref, PythonRequirements.LAYER_NAME, requirementsLayer(), false,
                    "set custom.pythonRequirements.layer to false to ship requirements in the function zips instead",
                    SourceLocation.of(config.file(), config.line("custom.pythonRequirements")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("layers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (ServerlessNames.layerLogicalId(e.getKey()).equals(ref)) {
                return new Artifact(ArtifactRole.LAYER, ref, e.getKey(), serviceLayer(e.getKey(), e.getValue()), false,
                        null, SourceLocation.of(config.file(), config.line("layers." + e.getKey())));
            }
        }
        return Artifact.of(ArtifactRole.LAYER, node.toString(), node.asText(node.toString()),
                new ArtifactSource.Unavailable(what + " is " + node + ", neither a layer version ARN nor a layer of "
                        + "this service, so layerfit cannot measure it"), false);
    }

    private ArtifactSource serviceLayer(String name, JsonNode layer) {
        return layerSources.computeIfAbsent(name, n -> {
            String artifact = text(layer.path("package").path("artifact"), "the artifact of layer " + name, notes);
            if (artifact != null) {
                return localFile(dir.resolve(artifact), "the artifact of layer " + name);
            }
            String path = text(layer.path("path"), "the path of layer " + name, notes);
            if (path == null) {
                return new ArtifactSource.Unavailable("layer " + name + " has no path or package.artifact in "
                        + config.file() + ", so layerfit cannot measure it");
            }
            Path base = dir.resolve(path);
            List<String> patterns = new ArrayList<>();
            excludes(patterns, layer.path("package"), false);
            includes(patterns, layer.path("package"));
            return new ArtifactSource.Built(path + "/ by package.patterns", found -> {
                List<String> files = PackagePatterns.select(base, patterns);
                if (files.isEmpty()) {
                    found.add("no file of " + base + " matches the patterns of layer " + name + ", so it is not deployed");
                    return Optional.empty();
                }
                return Optional.of(compose(path + "/", base, files));
            });
        });
    }

    private ArtifactSource requirementsLayer() {
        return layerSources.computeIfAbsent("\0" + PythonRequirements.LAYER_NAME, n -> {
            String runtime = text(root.path("provider").path("runtime"), "the provider's runtime", notes);
            Architecture arch = Optional.ofNullable(text(root.path("provider").path("architecture"),
                    "the provider's architecture", notes)).map(Architecture::parse).orElse(Architecture.X86_64);
            PythonTarget target = target(runtime, arch);
            if (target == null) {
                return new ArtifactSource.Unavailable("the pythonRequirements layer needs a Python provider.runtime to "
                        + "be built for; pass --runtime");
            }
            return new ArtifactSource.Built(requirements.describe() + " by " + PythonRequirements.PLUGIN,
                    found -> {
                        Path zip = requirements.build(target, options == null ? null : options.index(), toolVersion(), found);
                        Predicate<String> slimmed = requirements.slimmed();
                        return Optional.of(new CombinedArtifact(zip.toString(), List.of(new CombinedArtifact.Part(
                                Artifacts.open(zip), "", e -> e.startsWith("python/") && slimmed.test(e.substring(7))))));
                    });
        });
    }

    private ArtifactSource code(String function, JsonNode fnPackage, String runtime, Architecture arch) {
        JsonNode servicePkg = root.path("package");
        boolean individually = truthy(servicePkg.path("individually")) || truthy(fnPackage.path("individually"));
        String what = "the package of function " + function;
        List<String> fnNotes = notes;
        String artifact = text(fnPackage.has("artifact") ? fnPackage.path("artifact") : servicePkg.path("artifact"),
                "the package artifact of function " + function, fnNotes);
        if (artifact == null && (fnPackage.path("artifact").isTextual() || servicePkg.path("artifact").isTextual())) {
            return new ArtifactSource.Unavailable(what + " is named by a variable layerfit cannot resolve");
        }
        if (artifact != null) {
            return localFile(dir.resolve(artifact), what);
        }
        if (!individually && servicePackage != null) {
            return servicePackage;
        }
        List<String> patterns = new ArrayList<>();
        excludes(patterns, individually ? fnPackage : MissingNode.getInstance(), true);
        includes(patterns, individually ? fnPackage : MissingNode.getInstance());
        boolean withRequirements = requirements != null && !requirements.layer();
        PythonTarget target = withRequirements ? target(runtime, arch) : null;
        String description = "the service's files by package.patterns"
                + (withRequirements && target != null ? " + " + requirements.describe() : "");
        ArtifactSource source = new ArtifactSource.Built(description, found -> {
            List<String> files = PackagePatterns.select(dir, patterns);
            FolderArtifact own = compose(config.serviceName() + " package", dir, files);
            if (target == null) {
                return Optional.of(own);
            }
            Path zip = requirements.build(target, options == null ? null : options.index(), toolVersion(), found);
            if (requirements.zip()) {
                own.close();
                List<FolderArtifact.Part> parts = new ArrayList<>();
                files.forEach(f -> parts.add(new FolderArtifact.Part(dir.resolve(f), f)));
                parts.add(new FolderArtifact.Part(zip, ".requirements.zip"));
                found.add("with zip: true the requirements are measured as the .requirements.zip file (before slim); "
                        + "the plugin's small unzip_requirements.py is not counted");
                return Optional.of(FolderArtifact.compose(config.serviceName() + " package", dir, parts));
            }
            MeasuredArtifact reqs = Artifacts.open(zip);
            return Optional.of(new CombinedArtifact(config.serviceName() + " package + requirements",
                    List.of(new CombinedArtifact.Part(own, ""),
                            new CombinedArtifact.Part(reqs, "python/", requirements.slimmed()))));
        });
        if (withRequirements && target == null) {
            notes.add("function " + function + " has no Python runtime, so its requirements are not computed");
        }
        if (!individually) {
            servicePackage = source;
        }
        return source;
    }

    private FolderArtifact compose(String label, Path base, List<String> files) throws IOException {
        List<FolderArtifact.Part> parts = new ArrayList<>();
        for (String f : files) {
            parts.add(new FolderArtifact.Part(base.resolve(f), f));
        }
        return FolderArtifact.compose(label, base, parts);
    }

    /** Serverless's excludes, each as "!glob", in its order (package-service.js getExcludes). */
    private void excludes(List<String> out, JsonNode ownPackage, boolean functionPackage) {
        List<String> globs = new ArrayList<>(PackagePatterns.DEFAULT_EXCLUDES);
        globs.add(config.file().getFileName().toString());
        globs.addAll(list(root.path("package").path("exclude"), "package.exclude"));
        if (functionPackage) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("layers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = text(e.getValue().path("path"), "the path of layer " + e.getKey(), notes);
                if (path != null) {
                    globs.add(path + "/**");
                }
            }
            if (devDependenciesOnly()) {
                globs.add("node_modules/**");
            } else if (Files.isDirectory(dir.resolve("node_modules"))) {
                notes.add("node_modules/ is counted whole: serverless leaves out its devDependencies, which layerfit "
                        + "does not compute");
            }
        }
        globs.addAll(list(ownPackage.path("exclude"), "package.exclude"));
        for (String g : globs) {
            out.add(g.startsWith("!") ? g.substring(1) : "!" + g);
        }
    }

    /** A package.json without "dependencies": serverless excludes all of node_modules as dev dependencies. */
    private boolean devDependenciesOnly() {
        Path pkg = dir.resolve("package.json");
        if (!Files.isRegularFile(pkg)) {
            return true;
        }
        try {
            JsonNode deps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dev.layerfit.io.InputFiles.readBytes(pkg, dev.layerfit.io.InputFiles.TEXT_CAP, "the package.json")).path("dependencies");
            return !deps.isObject() || deps.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private void includes(List<String> out, JsonNode ownPackage) {
        JsonNode pkg = root.path("package");
        out.addAll(list(pkg.path("include"), "package.include"));
        out.addAll(list(pkg.path("patterns"), "package.patterns"));
        out.addAll(list(ownPackage.path("include"), "package.include"));
        out.addAll(list(ownPackage.path("patterns"), "package.patterns"));
    }

    private List<String> list(JsonNode node, String what) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            String v = text(n, what + " pattern " + n.asText(), notes);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private PythonTarget target(String runtime, Architecture arch) {
        if (options != null && options.target() != null) {
            return options.target();
        }
        if (runtime == null || !runtime.startsWith("python")) {
            return null;
        }
        try {
            return new PythonTarget(PythonRuntime.forName(runtime), arch);
        } catch (UnknownTargetException e) {
            notes.add("runtime " + runtime + " is not one layerfit knows, so requirements are not computed; pass --runtime");
            return null;
        }
    }

    private String toolVersion() {
        return options == null || options.toolVersion() == null ? "dev" : options.toolVersion();
    }

    private static ArtifactSource localFile(Path path, String what) {
        return Files.exists(path) ? new ArtifactSource.Local(path)
                : new ArtifactSource.Unavailable(what + ", " + path + ", does not exist; build it or run serverless package");
    }

    private static boolean truthy(JsonNode n) {
        return n.isBoolean() ? n.asBoolean() : "true".equalsIgnoreCase(n.asText());
    }

    /** A text value with its variables resolved; null (and a note naming it) when it cannot be. */
    private String text(JsonNode value, String what, List<String> noteTo) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return vars.text(value);
        } catch (ServerlessVariables.UnresolvedException e) {
            noteTo.add(unresolved(what, e));
            return null;
        }
    }

    private Optional<JsonNode> resolvedOrNote(JsonNode value, String what) {
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.of(vars.resolve(value));
        } catch (ServerlessVariables.UnresolvedException e) {
            notes.add(unresolved(what, e));
            return Optional.empty();
        }
    }

    private static String unresolved(String what, ServerlessVariables.UnresolvedException e) {
        return what + " is " + e.variable() + ", which layerfit cannot resolve (" + e.getMessage() + ")";
    }
}
