package dev.layerfit.project.chalice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of a {@code .chalice/config.json} into a {@link ChaliceConfig}, checking the types of the keys
 * layerfit uses ({@code app_name}, {@code stages}, {@code lambda_functions}, {@code layers}, {@code automatic_layer})
 * wherever they appear. Other keys are left alone. A JSON {@code null} counts as "not set", as Chalice's
 * {@code _chain_lookup} skips None values.
 */
final class ChaliceConfigReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonLocations locations;

    private ChaliceConfigReader(Path file, JsonLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    static ChaliceConfig read(String text, Path file) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonLocations locations = JsonLocations.index(json, file);
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // The streaming pass above already reported every syntax error.
            throw new UncheckedIOException(e);
        }
        return new ChaliceConfigReader(file, locations).config(root);
    }

    private ChaliceConfig config(JsonNode root) {
        requireObject(root, "", "a JSON object with app_name and stages");
        JsonNode appName = root.get("app_name");
        if (appName == null || appName.isNull()) {
            throw new InvalidChaliceConfigException(file + ":1:1: app_name is missing; add \"app_name\": \"<your app>\" "
                    + "at the top level (Chalice needs it to name what it deploys)");
        }
        if (!appName.isTextual() || appName.asText().isBlank()) {
            throw wrongType("app_name", appName, "a non-empty string");
        }
        ConfigScope top = scope(root, "", true);
        Map<String, ConfigScope> stages = new LinkedHashMap<>();
        JsonNode stagesNode = root.get("stages");
        if (stagesNode != null && !stagesNode.isNull()) {
            requireObject(stagesNode, "stages", "an object of stage name to stage settings");
            for (Iterator<Map.Entry<String, JsonNode>> it = stagesNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = JsonLocations.child("stages", e.getKey());
                requireObject(e.getValue(), path, "an object of settings for stage '" + e.getKey() + "'");
                stages.put(e.getKey(), scope(e.getValue(), path, true));
            }
        }
        return new ChaliceConfig(file, appName.asText(), top, stages);
    }

    private ConfigScope scope(JsonNode node, String path, boolean mayHoldFunctions) {
        Located<List<String>> layers = null;
        String layersPath = JsonLocations.child(path, "layers");
        JsonNode layersNode = node.get("layers");
        if (layersNode != null && !layersNode.isNull()) {
            if (!layersNode.isArray()) {
                throw wrongType(layersPath, layersNode, "a list of layer version ARNs (strings)");
            }
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < layersNode.size(); i++) {
                JsonNode arn = layersNode.get(i);
                if (!arn.isTextual()) {
                    throw wrongType(JsonLocations.element(layersPath, i), arn, "a layer version ARN (a string)");
                }
                arns.add(arn.asText());
            }
            layers = new Located<>(List.copyOf(arns), origin(layersPath));
        }
        Located<Boolean> automatic = null;
        String automaticPath = JsonLocations.child(path, "automatic_layer");
        JsonNode automaticNode = node.get("automatic_layer");
        if (automaticNode != null && !automaticNode.isNull()) {
            if (!automaticNode.isBoolean()) {
                throw wrongType(automaticPath, automaticNode, "true or false");
            }
            automatic = new Located<>(automaticNode.asBoolean(), origin(automaticPath));
        }
        Map<String, ConfigScope> functions = new LinkedHashMap<>();
        JsonNode functionsNode = node.get("lambda_functions");
        if (mayHoldFunctions && functionsNode != null && !functionsNode.isNull()) {
            String functionsPath = JsonLocations.child(path, "lambda_functions");
            requireObject(functionsNode, functionsPath, "an object of function name to function settings");
            for (Iterator<Map.Entry<String, JsonNode>> it = functionsNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String fnPath = JsonLocations.child(functionsPath, e.getKey());
                requireObject(e.getValue(), fnPath, "an object of settings for function '" + e.getKey() + "'");
                functions.put(e.getKey(), scope(e.getValue(), fnPath, false));
            }
        }
        return new ConfigScope(path, locations.at(path)[0], layers, automatic, functions);
    }

    private SettingOrigin origin(String path) {
        int[] at = locations.at(path);
        return new SettingOrigin(path, at[0], at[1]);
    }

    private void requireObject(JsonNode node, String path, String expected) {
        if (!node.isObject()) {
            throw wrongType(path, node, expected);
        }
    }

    private InvalidChaliceConfigException wrongType(String path, JsonNode actual, String expected) {
        int[] at = locations.at(path);
        String name = path.isEmpty() ? "the top-level value" : path;
        return new InvalidChaliceConfigException(file + ":" + Math.max(at[0], 1) + ":" + Math.max(at[1], 1) + ": " + name
                + " must be " + expected + ", not " + describe(actual) + "; fix the value");
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String s = node.asText();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
