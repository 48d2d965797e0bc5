package dev.layerfit.deployment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local copies of a project's deployment artifacts are: layer ARN → zip, folder or listing;
 * Chalice's managed layer; the function package. Read from the project's optional {@code layerfit.json}
 * (paths relative to the project folder) and overridden by command-line flags (paths relative to the
 * working directory):
 *
 * <pre>{"layers": {"arn:aws:lambda:...:layer:numpy:3": "layers/numpy.zip"},
 *  "managedLayer": "build/managed-layer.zip", "package": "build/deployment.zip"}</pre>
 */
public final class ArtifactMap {

    /** The optional project file that maps remote artifacts to local ones. */
    public static final String PROJECT_FILE = "layerfit.json";

    private final Map<String, Path> layers;
    private final Path managedLayer;
    private final Path functionPackage;

    private ArtifactMap(Map<String, Path> layers, Path managedLayer, Path functionPackage) {
        this.layers = layers;
        this.managedLayer = managedLayer;
        this.functionPackage = functionPackage;
    }

    /**
     * Combines the project file (if any) with the flags; a flag wins over the file for the same ARN.
     *
     * @param layerFlags each "ARN=PATH" as given to {@code --layer}
     */
    public static ArtifactMap of(Path projectDir, List<String> layerFlags, Path managedLayerFlag, Path packageFlag) {
        ArtifactMap fromFile = readProjectFile(projectDir);
        Map<String, Path> layers = new LinkedHashMap<>(fromFile.layers);
        Map<String, Path> fromFlags = parseLayerFlags(layerFlags);
        layers.putAll(fromFlags);
        return new ArtifactMap(layers,
                managedLayerFlag != null ? managedLayerFlag : fromFile.managedLayer,
                packageFlag != null ? packageFlag : fromFile.functionPackage);
    }

    /** Parses {@code --layer ARN=PATH} flags: each must have both parts and name an ARN once. */
    static Map<String, Path> parseLayerFlags(List<String> flags) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String flag : flags) {
            int eq = flag.lastIndexOf('=');
            if (eq <= 0 || eq == flag.length() - 1) {
                throw new BadInputException("--layer '" + flag + "' is not ARN=PATH; write it as "
                        + "--layer arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION=path/to/layer.zip");
            }
            String arn = flag.substring(0, eq).trim();
            if (!LayerArn.looksLikeLayerArn(arn)) {
                throw new BadInputException("--layer '" + flag + "': '" + arn + "' is not a layer version ARN "
                        + "(arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
            }
            if (out.containsKey(arn)) {
                throw new BadInputException("--layer names " + arn + " twice; give each layer ARN once");
            }
            out.put(arn, Path.of(flag.substring(eq + 1)));
        }
        return out;
    }

    private static ArtifactMap readProjectFile(Path projectDir) {
        Path file = projectDir.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            return new ArtifactMap(Map.of(), null, null);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(dev.layerfit.io.InputFiles.readBytes(file, dev.layerfit.io.InputFiles.TEXT_CAP, "the project file"));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new BadInputException(where + ": not valid JSON (" + e.getOriginalMessage() + "); fix the file", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + dev.layerfit.error.ExceptionWords.describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object with \"layers\", \"managedLayer\" or \"package\"");
        }
        Map<String, Path> layers = new LinkedHashMap<>();
        JsonNode layerNode = root.path("layers");
        if (!layerNode.isMissingNode()) {
            if (!layerNode.isObject()) {
                throw new BadInputException(file + ": \"layers\" must map layer ARNs to paths");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = layerNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                layers.put(e.getKey(), projectDir.resolve(text(file, "layers." + e.getKey(), e.getValue())));
            }
        }
        return new ArtifactMap(layers,
                optionalPath(file, projectDir, root, "managedLayer"),
                optionalPath(file, projectDir, root, "package"));
    }

    private static Path optionalPath(Path file, Path projectDir, JsonNode root, String key) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? null : projectDir.resolve(text(file, key, n));
    }

    private static String text(Path file, String key, JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new BadInputException(file + ": \"" + key + "\" must be a path string");
        }
        return n.asText();
    }

    /**
     * The deployment with the mapped local copies in place: a layer ARN mapped to a path is read from that path,
     * the framework-built layer from {@code managedLayer}, every function's code from {@code package}. Mappings no
     * function uses are noted.
     */
    public Deployment applyTo(Deployment deployment) {
        List<String> notes = new java.util.ArrayList<>(deployment.notes());
        java.util.Set<String> used = new java.util.HashSet<>();
        List<LambdaFunction> functions = new java.util.ArrayList<>();
        for (LambdaFunction f : deployment.functions()) {
            List<Artifact> layers = new java.util.ArrayList<>();
            for (Artifact a : f.layers()) {
                Path local = this.layers.get(a.ref());
                if (local != null) {
                    used.add(a.ref());
                    layers.add(a.withSource(new ArtifactSource.Local(local)));
                } else if (a.role() == dev.layerfit.lambda.ArtifactRole.MANAGED_LAYER && managedLayer != null) {
                    layers.add(a.withSource(new ArtifactSource.Local(managedLayer)));
                } else {
                    layers.add(a);
                }
            }
            Artifact code = f.code() != null && functionPackage != null
                    ? f.code().withSource(new ArtifactSource.Local(functionPackage)) : f.code();
            functions.add(new LambdaFunction(f.name(), f.runtime(), f.architecture(), f.packageType(), layers, code,
                    f.definedAt(), f.notes()));
        }
        for (String arn : this.layers.keySet()) {
            if (!used.contains(arn)) {
                notes.add("--layer/layerfit.json maps " + arn + ", which no function of " + deployment.description()
                        + " uses; it was ignored");
            }
        }
        return new Deployment(deployment.description(), deployment.deployTool(), functions, notes, deployment.leftOut());
    }

    /** The local artifact for a layer ARN, if mapped. */
    public Optional<Path> layer(String arn) {
        return Optional.ofNullable(layers.get(arn));
    }

    /** Every mapped ARN (to warn about mappings the config does not use). */
    public Map<String, Path> layers() {
        return Map.copyOf(layers);
    }

    public Optional<Path> managedLayer() {
        return Optional.ofNullable(managedLayer);
    }

    public Optional<Path> functionPackage() {
        return Optional.ofNullable(functionPackage);
    }
}
