package dev.layerfit.project.cloudformation;

import dev.layerfit.deployment.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template as parsed, in CloudFormation's JSON form (a YAML short-form tag such as {@code !Ref X} becomes the
 * mapping {@code {"Ref": "X"}}), every node with the place it starts in the file.
 */
public sealed interface TemplateNode {

    SourceLocation at();

    /**
     * A mapping in file order.
     *
     * @param entries the values by key
     * @param keys    where each key is written (a resource's logical id line)
     */
    record Mapping(Map<String, TemplateNode> entries, Map<String, SourceLocation> keys, SourceLocation at)
            implements TemplateNode {

        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
            keys = Map.copyOf(keys);
        }

        public Optional<TemplateNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        /** The mapping under {@code key}, or an empty one when absent or not a mapping. */
        public Mapping mapping(String key) {
            return entries.get(key) instanceof Mapping m ? m : new Mapping(Map.of(), Map.of(), at);
        }

        /** The key's place, or the mapping's own when unknown. */
        public SourceLocation keyAt(String key) {
            SourceLocation k = keys.get(key);
            return k != null ? k : at;
        }

        /** When this mapping is an intrinsic function ({@code Ref}, {@code Fn::*}, {@code Condition}): its name. */
        public Optional<String> intrinsicName() {
            if (entries.size() != 1) {
                return Optional.empty();
            }
            String key = entries.keySet().iterator().next();
            return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") ? Optional.of(key) : Optional.empty();
        }
    }

    record Sequence(List<TemplateNode> items, SourceLocation at) implements TemplateNode {

        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A string, number or boolean as written (CloudFormation treats them all as strings), or a null.
     *
     * @param text   the scalar's text ("" for null)
     * @param isNull an explicit or empty YAML null / JSON null
     */
    record Scalar(String text, boolean isNull, SourceLocation at) implements TemplateNode {
    }
}
