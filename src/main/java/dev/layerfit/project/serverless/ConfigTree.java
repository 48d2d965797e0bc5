package dev.layerfit.project.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.error.BadInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * A {@code serverless.yml} as a JSON tree, with the line of every mapping key ("functions.api" → 27). Parsed with
 * SnakeYAML Engine's composer, so CloudFormation's short-form tags, which serverless.yml allows in resources and
 * layer references, need no constructors: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B}
 * {@code {"Fn::GetAtt": ["A", "B"]}}, any other {@code !Name v} {@code {"Fn::Name": v}} (CloudFormation's
 * "Intrinsic function reference"). Plain scalars {@code true}/{@code false} are booleans, everything else text.
 */
final class ConfigTree {

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private ConfigTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    static ConfigTree parseYaml(Path file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(200).build();
        Optional<Node> node;
        try {
            dev.layerfit.io.YamlNesting.check(text, settings, file.toString(), "fix the file");
            node = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String where = mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file.toString());
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new BadInputException(where + ": not valid YAML (" + oneLine(problem) + "); fix the file");
        } catch (YamlEngineException e) {
            throw new BadInputException(file + ": not valid YAML (" + oneLine(e.getMessage()) + "); fix the file");
        }
        if (node.isEmpty() || !(node.get() instanceof MappingNode)) {
            throw new BadInputException(file + ": expected a mapping with service, provider and functions");
        }
        Map<String, Integer> lines = new HashMap<>();
        return new ConfigTree(convert(node.get(), "", lines, new int[1], file), lines);
    }

    static ConfigTree ofJson(JsonNode root) {
        return new ConfigTree(root, Map.of());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /**
     * Nodes a configuration may expand to once its aliases are followed. A real serverless.yml has hundreds; nine
     * nested anchors of nine aliases each ("billion laughs") expand to hundreds of millions.
     */
    static final int MAX_NODES = 200_000;

    private static JsonNode convert(Node node, String path, Map<String, Integer> lines, int[] count, Path file) {
        if (++count[0] > MAX_NODES) {
            throw new BadInputException(file + ": expands to more than " + MAX_NODES + " values once its aliases (*name) are "
                    + "followed; fix the file");
        }
        JsonNode plain;
        if (node instanceof MappingNode m) {
            ObjectNode obj = JsonNodeFactory.instance.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
                String child = path.isEmpty() ? key : path + "." + key;
                t.getKeyNode().getStartMark().ifPresent(mark -> lines.put(child, mark.getLine() + 1));
                obj.set(key, convert(t.getValueNode(), child, lines, count, file));
            }
            plain = obj;
        } else if (node instanceof SequenceNode s) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < s.getValue().size(); i++) {
                arr.add(convert(s.getValue().get(i), path + "[" + i + "]", lines, count, file));
            }
            plain = arr;
        } else if (node instanceof ScalarNode s) {
            plain = scalar(s);
        } else {
            plain = JsonNodeFactory.instance.textNode(String.valueOf(node));
        }
        Tag tag = node.getTag();
        String name = tag.getValue();
        if (!name.startsWith("!") || name.startsWith("!!")) {
            return plain;
        }
        String fn = name.substring(1);
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        if (fn.equals("Ref") || fn.equals("Condition")) {
            wrapped.set(fn, plain);
        } else if (fn.equals("GetAtt") && plain.isTextual() && plain.asText().contains(".")) {
            String v = plain.asText();
            int dot = v.indexOf('.');
            wrapped.set("Fn::GetAtt", JsonNodeFactory.instance.arrayNode().add(v.substring(0, dot)).add(v.substring(dot + 1)));
        } else {
            wrapped.set("Fn::" + fn, plain);
        }
        return wrapped;
    }

    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        if (s.getScalarStyle() == ScalarStyle.PLAIN && s.getTag().equals(Tag.BOOL)) {
            return JsonNodeFactory.instance.booleanNode(v.equalsIgnoreCase("true"));
        }
        if (s.getScalarStyle() == ScalarStyle.PLAIN && (v.equals("true") || v.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(v.equals("true"));
        }
        if (s.getScalarStyle() == ScalarStyle.PLAIN && (v.equals("~") || v.equals("null") || v.isEmpty())) {
            return JsonNodeFactory.instance.nullNode();
        }
        return JsonNodeFactory.instance.textNode(v);
    }

    JsonNode root() {
        return root;
    }

    /** The 1-based line of the key at {@code path} ("functions.api"), or 0. */
    int line(String path) {
        return lines.getOrDefault(path, 0);
    }
}
