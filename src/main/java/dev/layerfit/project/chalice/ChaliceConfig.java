package dev.layerfit.project.chalice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Chalice project's {@code .chalice/config.json}: app name, top-level settings, stages and {@code lambda_functions}
 * (at top level and per stage), with the location of every layer setting.
 *
 * <p>{@link #resolve} follows Chalice's own lookup ({@code Config._chain_lookup} in aws/chalice
 * {@code chalice/config.py}, read at commit 7c37121d): the first level that sets a key to a non-null value wins, and
 * list values are replaced, never merged ({@code _chain_merge} is used only for {@code environment_variables} and
 * {@code tags}). For {@code layers} (varies per stage and per function) the order is
 * {@code stages.<stage>.lambda_functions.<fn>} &gt; {@code stages.<stage>} &gt; {@code lambda_functions.<fn>} &gt; top
 * level, so a stage's {@code layers} beat the top-level {@code lambda_functions} entry. {@code automatic_layer} varies
 * per stage only: {@code stages.<stage>} &gt; top level, default false; Chalice ignores it inside
 * {@code lambda_functions}.
 */
public final class ChaliceConfig {

    /** Chalice's default stage ({@code DEFAULT_STAGE_NAME} in {@code chalice/constants.py}). */
    public static final String DEFAULT_STAGE = "dev";
    /** The name Chalice gives the function that serves a REST API ({@code DEFAULT_HANDLER_NAME}). */
    public static final String API_HANDLER = "api_handler";

    private final Path file;
    private final String appName;
    private final ConfigScope top;
    private final Map<String, ConfigScope> stages;

    ChaliceConfig(Path file, String appName, ConfigScope top, Map<String, ConfigScope> stages) {
        this.file = file;
        this.appName = appName;
        this.top = top;
        this.stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
    }

    /** Reads {@code projectDir/.chalice/config.json}. */
    public static ChaliceConfig load(Path projectDir) {
        if (!Files.isDirectory(projectDir)) {
            throw new ChaliceConfigNotFoundException("project folder " + projectDir + " does not exist; give the folder "
                    + "that holds app.py and .chalice/");
        }
        Path file = projectDir.resolve(".chalice").resolve("config.json");
        dev.layerfit.io.InputFiles.remember(projectDir);
        if (!Files.exists(file)) {
            throw new ChaliceConfigNotFoundException("no .chalice/config.json in " + projectDir + "; run in a Chalice "
                    + "project folder (one made by `chalice new-project`) or give its path");
        }
        try {
            return parse(new String(dev.layerfit.io.InputFiles.readBytes(file, dev.layerfit.io.InputFiles.TEXT_CAP,
                    "the config file"), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses config text; {@code file} is used in messages only. */
    public static ChaliceConfig parse(String json, Path file) {
        return ChaliceConfigReader.read(json, file);
    }

    /** The name Chalice publishes its managed layer under (see {@code _get_managed_lambda_layer} in Chalice's appgraph). */
    public static String managedLayerName(String appName, String stage) {
        return appName + "-" + stage + "-managed-layer";
    }

    public Path file() {
        return file;
    }

    public String appName() {
        return appName;
    }

    /** The top-level settings and top-level {@code lambda_functions}. */
    public ConfigScope topLevel() {
        return top;
    }

    /** The stages in file order. */
    public Map<String, ConfigScope> stages() {
        return stages;
    }

    /** Function names that appear in any {@code lambda_functions} (top level or any stage), sorted. */
    public List<String> functionNames() {
        TreeSet<String> names = new TreeSet<>(top.lambdaFunctions().keySet());
        stages.values().forEach(s -> names.addAll(s.lambdaFunctions().keySet()));
        return List.copyOf(names);
    }

    /**
     * The layer settings for a stage and, optionally, one function.
     *
     * @param stage the stage, or null for Chalice's default {@code dev}; it must be in {@code stages}, except that
     *     {@code dev} is accepted when the config defines no stages at all (Chalice deploys it from top-level settings)
     * @param function a function named in some {@code lambda_functions} (or {@code api_handler}, the REST API's
     *     function), or null for the stage-wide settings
     */
    public ResolvedSettings resolve(String stage, String function) {
        String stageName = stage == null ? DEFAULT_STAGE : stage;
        ConfigScope stageScope = stages.get(stageName);
        if (stageScope == null && !(stages.isEmpty() && DEFAULT_STAGE.equals(stageName))) {
            throw new UnknownStageException("stage '" + stageName + "' is not in " + file + "; "
                    + (stages.isEmpty() ? "it defines no stages, so only the default stage 'dev' can be used"
                            : "its stages are " + String.join(", ", stages.keySet()))
                    + " (choose one with --stage)");
        }
        if (function != null && !API_HANDLER.equals(function) && !functionNames().contains(function)) {
            List<String> known = new ArrayList<>(functionNames());
            throw new UnknownFunctionException("function '" + function + "' is not in any lambda_functions section of "
                    + file + "; " + (known.isEmpty() ? "none are listed, so leave out --function (or use api_handler)"
                            : "the functions listed are " + String.join(", ", known)
                                    + (known.contains(API_HANDLER) ? "" : " (or api_handler)")));
        }
        List<ConfigScope> layerChain = new ArrayList<>();
        if (function != null && stageScope != null && stageScope.lambdaFunctions().containsKey(function)) {
            layerChain.add(stageScope.lambdaFunctions().get(function));
        }
        if (stageScope != null) {
            layerChain.add(stageScope);
        }
        if (function != null && top.lambdaFunctions().containsKey(function)) {
            layerChain.add(top.lambdaFunctions().get(function));
        }
        layerChain.add(top);
        Located<List<String>> layers = layerChain.stream().map(ConfigScope::layers)
                .filter(java.util.Objects::nonNull).findFirst().orElse(new Located<>(List.of(), SettingOrigin.DEFAULT));

        List<ConfigScope> automaticChain = stageScope == null ? List.of(top) : List.of(stageScope, top);
        Located<Boolean> automatic = automaticChain.stream().map(ConfigScope::automaticLayer)
                .filter(java.util.Objects::nonNull).findFirst().orElse(new Located<>(false, SettingOrigin.DEFAULT));

        List<String> notes = new ArrayList<>();
        List<ConfigScope> functionScopes = new ArrayList<>(top.lambdaFunctions().values());
        if (stageScope != null) {
            functionScopes.addAll(stageScope.lambdaFunctions().values());
        }
        for (ConfigScope fn : functionScopes) {
            if (fn.automaticLayer() != null) {
                notes.add(fn.automaticLayer().origin().describe() + " is ignored by Chalice, which reads automatic_layer "
                        + "only at the top level or per stage; move it there");
            }
        }
        return new ResolvedSettings(file, appName, stageName, function, layers.value(), layers.origin(),
                automatic.value(), automatic.origin(), notes);
    }
}
