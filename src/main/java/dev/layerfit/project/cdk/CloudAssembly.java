package dev.layerfit.project.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import dev.layerfit.io.JsonFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CDK cloud assembly ({@code cdk.out/}) as {@code cdk synth} writes it: {@code manifest.json} lists the
 * artifacts — stacks ({@code aws:cloudformation:stack}, with their template file), asset manifests
 * ({@code cdk:asset-manifest}, the {@code *.assets.json} that map each S3 object key to its {@code asset.<hash>}
 * folder or file) and nested assemblies of stages ({@code cdk:cloud-assembly}). Facts from aws-cdk's
 * {@code @aws-cdk/cloud-assembly-schema} (schema/cloud-assembly.schema.json, assets.schema.json).
 */
final class CloudAssembly {

    /**
     * The newest cloud assembly schema major version layerfit was checked against (the one aws-cdk-lib 2.276 and
     * the aws-cdk CLI 2.1148 write: {@code schema/version.json} "revision": 55). The CDK CLI itself refuses a
     * manifest whose major version is newer than the one it knows ("Cloud assembly schema version mismatch").
     */
    static final int NEWEST_SCHEMA = 55;

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");
    /** A creation stack frame naming the user's code: "new ApiStack (/app/app.js:34:5)" or "at /app/app.ts:3:1". */
    private static final Pattern FRAME = Pattern.compile("\\(?([^()\\s]+):(\\d+):(\\d+)\\)?$");

    static final String HINT = "run cdk synth again";

    /** One stack of the assembly (nested stacks are read from its template). */
    record Stack(String id, Path assemblyDir, Path templateFile, String region, String account) {
    }

    private final Path dir;
    private final String version;
    private final List<Stack> stacks = new ArrayList<>();
    private final Map<String, Path> assetsByObjectKey = new HashMap<>();
    private final Map<String, SourceLocation> creationSites = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private CloudAssembly(Path dir, String version) {
        this.dir = dir;
        this.version = version;
    }

    /**
     * Reads {@code dir/manifest.json} and what it names.
     *
     * @throws BadInputException when the manifest is missing, malformed or of a schema version layerfit cannot read
     */
    static CloudAssembly read(Path dir) {
        Path manifestFile = dir.resolve("manifest.json");
        JsonNode manifest = JsonFile.readObject(manifestFile, HINT);
        String version = manifest.path("version").asText("");
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            throw new BadInputException(manifestFile + ": cloud assembly schema version '" + version
                    + "' is not one layerfit can read (it reads versions 1.0.0 to " + NEWEST_SCHEMA
                    + ".x, written by CDK v1 and v2); synthesize with a current aws-cdk-lib and run cdk synth again");
        }
        int major = Integer.parseInt(m.group(1));
        if (major < 1) {
            throw new BadInputException(manifestFile + ": cloud assembly schema version " + version
                    + " is older than layerfit can read (1.0.0 to " + NEWEST_SCHEMA + ".x); "
                    + "upgrade the app's CDK and run cdk synth again");
        }
        CloudAssembly assembly = new CloudAssembly(dir, version);
        if (major > NEWEST_SCHEMA) {
            assembly.notes.add(manifestFile + " uses cloud assembly schema " + version + ", newer than the "
                    + NEWEST_SCHEMA + ".x layerfit knows; it was read as " + NEWEST_SCHEMA
                    + ".x, so check the result or upgrade layerfit");
        }
        assembly.readArtifacts(manifest, dir, manifestFile);
        return assembly;
    }

    private void readArtifacts(JsonNode manifest, Path assemblyDir, Path manifestFile) {
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("artifacts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode artifact = e.getValue();
            JsonNode props = artifact.path("properties");
            switch (artifact.path("type").asText()) {
                case "aws:cloudformation:stack" -> {
                    String template = props.path("templateFile").asText("");
                    if (template.isEmpty()) {
                        throw new BadInputException(manifestFile + ": stack " + e.getKey()
                                + " names no templateFile; " + HINT);
                    }
                    String[] env = environment(artifact.path("environment").asText(""));
                    stacks.add(new Stack(e.getKey(), assemblyDir, assemblyDir.resolve(template), env[1], env[0]));
                    readCreationSites(artifact.path("metadata"), assemblyDir);
                    String extra = props.path("additionalMetadataFile").asText(
                            artifact.path("additionalMetadataFile").asText(""));
                    if (!extra.isEmpty() && Files.isRegularFile(assemblyDir.resolve(extra))) {
                        readCreationSites(JsonFile.readObject(assemblyDir.resolve(extra), HINT), assemblyDir);
                    }
                }
                case "cdk:asset-manifest" -> readAssetManifest(assemblyDir, props.path("file").asText(""));
                case "cdk:cloud-assembly" -> {
                    // a Stage: its stacks are in a nested assembly folder with its own manifest
                    Path nested = assemblyDir.resolve(props.path("directoryName").asText(""));
                    Path nestedManifest = nested.resolve("manifest.json");
                    readArtifacts(JsonFile.readObject(nestedManifest, HINT), nested, nestedManifest);
                }
                default -> {
                    // the construct tree, feature flags and other artifacts hold nothing layerfit measures
                }
            }
        }
    }

    /** "aws://123456789012/eu-west-1" → {account, region}; unknown parts are null. */
    private static String[] environment(String env) {
        String[] out = {null, null};
        if (env.startsWith("aws://")) {
            String[] parts = env.substring("aws://".length()).split("/", 2);
            if (parts.length == 2) {
                out[0] = parts[0].startsWith("unknown-") ? null : parts[0];
                out[1] = parts[1].startsWith("unknown-") ? null : parts[1];
            }
        }
        return out;
    }

    private void readAssetManifest(Path assemblyDir, String file) {
        if (file.isEmpty()) {
            return;
        }
        Path path = assemblyDir.resolve(file);
        JsonNode manifest = JsonFile.readObject(path, HINT);
        for (JsonNode asset : manifest.path("files")) {
            String source = asset.path("source").path("path").asText("");
            if (source.isEmpty()) {
                continue; // built by an executable at publish time: nothing on disk to measure
            }
            for (JsonNode destination : asset.path("destinations")) {
                String key = destination.path("objectKey").asText("");
                if (!key.isEmpty()) {
                    assetsByObjectKey.put(key, assemblyDir.resolve(source));
                }
            }
        }
    }

    /** Construct path → where the user's code created it, from {@code aws:cdk:creationStack} metadata. */
    private void readCreationSites(JsonNode metadata, Path assemblyDir) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode entry : e.getValue()) {
                if ("aws:cdk:creationStack".equals(entry.path("type").asText())) {
                    firstUserFrame(entry.path("data"), assemblyDir).ifPresent(loc -> creationSites.put(e.getKey(), loc));
                }
            }
        }
    }

    private static Optional<SourceLocation> firstUserFrame(JsonNode frames, Path assemblyDir) {
        for (JsonNode frame : frames) {
            Matcher m = FRAME.matcher(frame.asText().trim());
            if (m.find() && !m.group(1).contains("node_modules") && !m.group(1).startsWith("node:")) {
                Path file = Path.of(m.group(1));
                // CDK writes absolute paths; a relative one is relative to the app folder, which holds cdk.out
                Path parent = assemblyDir.toAbsolutePath().getParent();
                if (!file.isAbsolute() && parent != null) {
                    file = relativeToWorkingDir(parent.resolve(file));
                }
                return Optional.of(new SourceLocation(file, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        }
        return Optional.empty();
    }

    private static Path relativeToWorkingDir(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    Path dir() {
        return dir;
    }

    String version() {
        return version;
    }

    List<Stack> stacks() {
        return List.copyOf(stacks);
    }

    /** The staged asset (folder or file in the assembly) published under an S3 object key. */
    Optional<Path> assetForObjectKey(String objectKey) {
        return Optional.ofNullable(assetsByObjectKey.get(objectKey));
    }

    /** Where the app created the construct at {@code constructPath} ("LayerfitApi/ApiFunction/Resource"). */
    Optional<SourceLocation> creationSite(String constructPath) {
        return Optional.ofNullable(creationSites.get("/" + constructPath));
    }

    /** Caveats about the whole assembly. */
    List<String> notes() {
        return List.copyOf(notes);
    }
}
