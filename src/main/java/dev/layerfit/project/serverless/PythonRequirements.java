package dev.layerfit.project.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.io.AtomicFileWriter;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.pipeline.BuildRequest;
import dev.layerfit.pipeline.BuildResult;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.pipeline.LayerBuilder;
import dev.layerfit.progress.Progress;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.python.pep508.ProjectName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the serverless-python-requirements plugin adds, from {@code custom.pythonRequirements}. Facts from the
 * plugin's sources (serverless/serverless-python-requirements, {@code index.js}, {@code lib/pip.js},
 * {@code lib/layer.js}, {@code lib/slim.js}, {@code lib/inject.js}): it installs {@code fileName} (default
 * {@code requirements.txt}) with pip for the function's runtime, leaving out the top-level requirements named in
 * {@code noDeploy} (default none); {@code layer: true} zips them under {@code python/} as
 * {@code .serverless/pythonRequirements.zip}, the layer {@code pythonRequirements} (logical id
 * {@code PythonRequirementsLambdaLayer}, which functions reference themselves), and then injects nothing into the
 * functions; otherwise they go to the root of each function's zip, or with {@code zip: true} into a
 * {@code .requirements.zip} there (plus the plugin's {@code unzip_requirements.py}). {@code slim: true} deletes
 * {@code **}{@code /*.py[c|o]}, {@code **}{@code /__pycache__*} and {@code **}{@code /*.dist-info*} (plus
 * {@code slimPatterns}) and strips {@code .so} files with {@code strip}, which layerfit does not do.
 *
 * @param file        the requirements file
 * @param layer       requirements become the pythonRequirements layer
 * @param zip         requirements are zipped inside the function zip
 * @param slim        slim deletes
 * @param slimGlobs   the globs slim deletes (relative to the folder pip installed into; a matching folder goes whole)
 * @param noDeploy    top-level requirement names left out, canonical
 */
record PythonRequirements(Path file, boolean layer, boolean zip, boolean slim, List<String> slimGlobs,
        Set<String> noDeploy) {

    static final String PLUGIN = "serverless-python-requirements";
    static final String LAYER_NAME = "pythonRequirements";
    private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

    /**
     * The plugin's settings when the service uses it and its requirements file exists; null otherwise.
     *
     * @param options {@code custom.pythonRequirements}, variables resolved
     */
    static PythonRequirements of(Path serviceDir, JsonNode options) {
        String fileName = options.path("fileName").asText("requirements.txt");
        Path file = serviceDir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        boolean slim = truthy(options.path("slim"));
        List<String> globs = new ArrayList<>();
        boolean appendDefaults = !"false".equals(options.path("slimPatternsAppendDefaults").asText("true"));
        if (slim && appendDefaults) {
            globs.addAll(List.of("**/*.py[c|o]", "**/__pycache__*", "**/*.dist-info*"));
        }
        if (slim) {
            for (JsonNode p : options.path("slimPatterns")) {
                globs.add(p.asText());
            }
        }
        Set<String> noDeploy = new java.util.TreeSet<>();
        for (JsonNode n : options.path("noDeploy")) {
            noDeploy.add(ProjectName.canonicalize(n.asText()));
        }
        JsonNode layer = options.path("layer");
        return new PythonRequirements(file, truthy(layer) || layer.isObject(), truthy(options.path("zip")), slim,
                List.copyOf(globs), Set.copyOf(noDeploy));
    }

    private static boolean truthy(JsonNode n) {
        return n.isBoolean() ? n.asBoolean() : "true".equalsIgnoreCase(n.asText());
    }

    /** For tables: "requirements.txt (slim, noDeploy boto3)". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (slim) {
            parts.add("slim");
        }
        if (zip) {
            parts.add("zip");
        }
        if (!noDeploy.isEmpty()) {
            parts.add("noDeploy " + String.join(", ", noDeploy));
        }
        return file.getFileName() + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
    }

    /**
     * Installs the requirements as the plugin would, under {@code python/}, into the build cache (a second check
     * reuses it); returns the zip.
     */
    Path build(PythonTarget target, IndexSettings index, String toolVersion, List<String> notes)
            throws IOException {
        Path requirements = deployedRequirements();
        // slim is applied by the caller on the entries (slimmed()): layerfit's own slim rules keep dist-info
        SlimOptions slimOptions = SlimOptions.of(SlimProfile.NONE, target.runtime());
        Path output = CacheRoot.resolve("serverless-requirements").resolve(key(target) + ".zip");
        BuildResult r = LayerBuilder.standard(Progress.NONE).build(new BuildRequest(List.of(requirements), target,
                LayerLayout.python(), slimOptions, index == null ? IndexSettings.none() : index, output, false,
                toolVersion));
        notes.add("the serverless-python-requirements packages were computed from " + describe() + " for "
                + target.describe() + (r.cached() ? " (from the build cache)" : "")
                + (slim ? "; slim's strip of .so files is not applied" : ""));
        return r.output();
    }

    /**
     * Whether slim deletes the entry at {@code sitePath} (relative to where pip installed): a slim glob matches the
     * path or one of the folders holding it (lib/slim.js removes each match, folders with their contents).
     */
    Predicate<String> slimmed() {
        if (!slim || slimGlobs.isEmpty()) {
            return name -> false;
        }
        List<Pattern> patterns = slimGlobs.stream().map(PackagePatterns::compile).toList();
        return name -> {
            String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            for (String prefix = path; !prefix.isEmpty(); prefix = prefix.contains("/")
                    ? prefix.substring(0, prefix.lastIndexOf('/')) : "") {
                for (Pattern p : patterns) {
                    if (p.matcher(prefix).matches()) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** The requirements file without its noDeploy lines (pip.js filterRequirementsFile), in the cache. */
    private Path deployedRequirements() throws IOException {
        List<String> lines = dev.layerfit.io.InputFiles.readUtf8(file, "the requirements file").lines().toList();
        if (noDeploy.isEmpty()) {
            return file;
        }
        String kept = lines.stream().filter(l -> {
            Matcher m = NAME.matcher(l);
            return !m.find() || l.trim().startsWith("-") || !noDeploy.contains(ProjectName.canonicalize(m.group(1)));
        }).collect(Collectors.joining("\n", "", "\n"));
        Path out = CacheRoot.resolve("serverless-requirements").resolve(sha256(kept).substring(0, 24) + ".txt");
        Files.createDirectories(out.getParent());
        AtomicFileWriter.atomic().write(out, kept);
        return out;
    }

    private String key(PythonTarget target) throws IOException {
        return sha256(file.toAbsolutePath().normalize() + "\n" + dev.layerfit.io.InputFiles.readUtf8(file, "the requirements file") + "\n" + target.describe()
                + "\n" + slimGlobs + "\n" + noDeploy).substring(0, 24);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
