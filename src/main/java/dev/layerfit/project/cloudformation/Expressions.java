package dev.layerfit.project.cloudformation;

import java.util.Map;
import java.util.stream.Collectors;

/** Template values written back in YAML short form for messages ({@code !Sub "arn:${AWS::Region}"}). */
public final class Expressions {

    private static final int MAX = 100;

    private Expressions() {
    }

    public static String show(TemplateNode node) {
        String s = render(node);
        return s.length() <= MAX ? s : s.substring(0, MAX - 3) + "...";
    }

    private static String render(TemplateNode node) {
        if (node instanceof TemplateNode.Scalar s) {
            return s.isNull() ? "null" : s.text().isEmpty() || s.text().contains(" ") || s.text().contains("$") ? "\"" + s.text() + "\"" : s.text();
        }
        if (node instanceof TemplateNode.Sequence seq) {
            return seq.items().stream().map(Expressions::render).collect(Collectors.joining(", ", "[", "]"));
        }
        TemplateNode.Mapping m = (TemplateNode.Mapping) node;
        if (m.intrinsicName().isPresent()) {
            String fn = m.intrinsicName().get();
            String tag = fn.startsWith("Fn::") ? fn.substring(4) : fn;
            return "!" + tag + " " + render(m.entries().get(fn));
        }
        return m.entries().entrySet().stream().map((Map.Entry<String, TemplateNode> e) -> e.getKey() + ": " + render(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
