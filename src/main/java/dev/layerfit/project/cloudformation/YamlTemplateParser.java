package dev.layerfit.project.cloudformation;

import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * Parses a YAML template with SnakeYAML Engine's composer: a node tree that keeps each node's tag and start mark,
 * without constructing Java objects (so CloudFormation's local tags need no constructors). Short-form tags turn
 * into the JSON form, as CloudFormation documents them ("Intrinsic function reference": {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Ref X} is {@code {"Ref": "X"}}, {@code !Condition C} is
 * {@code {"Condition": "C"}}, any other {@code !Name} is {@code {"Fn::Name": ...}}).
 */
final class YamlTemplateParser {

    private final Path file;
    private final Map<Node, TemplateNode> done = new IdentityHashMap<>();

    private YamlTemplateParser(Path file) {
        this.file = file;
    }

    static TemplateNode parse(Path file, String text) {
        // generated templates (CDK, Serverless) can be large: allow 64 M code points instead of the default 3 M
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(200).setCodePointLimit(64 * 1024 * 1024).build();
        Optional<Node> root;
        try {
            dev.layerfit.io.YamlNesting.check(text, settings, file.toString(), "fix the template");
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String where = mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file.toString());
            throw new BadInputException(where + ": not valid YAML (" + oneLine(e.getProblem() != null ? e.getProblem()
                    : e.getContext()) + "); fix the template");
        } catch (YamlEngineException e) {
            throw new BadInputException(file + ": not valid YAML (" + oneLine(e.getMessage()) + "); fix the template");
        }
        if (root.isEmpty()) {
            throw new BadInputException(file + " is empty; expected a template with Resources");
        }
        return new YamlTemplateParser(file).convert(root.get());
    }

    private static String oneLine(String s) {
        return s == null ? "syntax error" : s.replaceAll("\\s+", " ").trim();
    }

    private TemplateNode convert(Node node) {
        TemplateNode seen = done.get(node);
        if (seen != null) {
            return seen;
        }
        SourceLocation at = at(node);
        TemplateNode plain = switch (node.getNodeType()) {
            case SCALAR -> {
                ScalarNode s = (ScalarNode) node;
                boolean isNull = s.isPlain() && node.getTag().equals(Tag.NULL);
                yield new TemplateNode.Scalar(isNull ? "" : s.getValue(), isNull, at);
            }
            case SEQUENCE -> {
                List<TemplateNode> items = new ArrayList<>();
                for (Node item : ((SequenceNode) node).getValue()) {
                    items.add(convert(item));
                }
                yield new TemplateNode.Sequence(items, at);
            }
            case MAPPING -> {
                Map<String, TemplateNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                for (NodeTuple t : ((MappingNode) node).getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode key)) {
                        SourceLocation k = at(t.getKeyNode());
                        throw new BadInputException(k.file() + ":" + k.line() + ":" + k.column()
                                + ": a mapping key must be a plain string in a template; fix the template");
                    }
                    entries.put(key.getValue(), convert(t.getValueNode()));
                    keys.put(key.getValue(), at(key));
                }
                yield new TemplateNode.Mapping(entries, keys, at);
            }
            default -> throw new BadInputException(at.file() + ":" + at.line() + ":" + at.column()
                    + ": unsupported YAML node; fix the template");
        };
        TemplateNode result = shortForm(node, plain, at);
        done.put(node, result);
        return result;
    }

    /** A short-form intrinsic function tag turned into its JSON form; other nodes unchanged. */
    private static TemplateNode shortForm(Node node, TemplateNode plain, SourceLocation at) {
        String tag = node.getTag().getValue();
        if (!tag.startsWith("!") || tag.startsWith("!!")) {
            return plain;
        }
        String name = tag.substring(1);
        TemplateNode argument = plain;
        if (name.equals("GetAtt") && plain instanceof TemplateNode.Scalar s) {
            // "!GetAtt Resource.Attribute": the logical id ends at the first dot (attributes may hold dots)
            int dot = s.text().indexOf('.');
            List<TemplateNode> parts = dot < 0 ? List.of(s)
                    : List.of(new TemplateNode.Scalar(s.text().substring(0, dot), false, at),
                            new TemplateNode.Scalar(s.text().substring(dot + 1), false, at));
            argument = new TemplateNode.Sequence(parts, at);
        }
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        return new TemplateNode.Mapping(Map.of(key, argument), Map.of(key, at), at);
    }

    private SourceLocation at(Node node) {
        return node.getStartMark().map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new SourceLocation(file, 0, 0));
    }
}
