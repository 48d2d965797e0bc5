package dev.layerfit.project.cloudformation;

import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudFormation (or SAM) template: its sections as parsed, its resources in file order, and its folder (local
 * code paths are relative to it, as {@code aws cloudformation package} and {@code sam build} resolve them).
 */
public final class Template {

    /** One resource: its logical id, type, properties, metadata and {@code Condition}, and where it is defined. */
    public record Resource(String logicalId, String type, TemplateNode.Mapping properties, TemplateNode.Mapping metadata,
            String condition, SourceLocation at) {
    }

    private final Path file;
    private final TemplateNode.Mapping root;
    private final Map<String, Resource> resources;

    private Template(Path file, TemplateNode.Mapping root, Map<String, Resource> resources) {
        this.file = file;
        this.root = root;
        this.resources = resources;
    }

    /** Reads a YAML or JSON template (JSON by extension or a leading '{'). Malformed input names file:line:column. */
    public static Template read(Path file) {
        String text;
        try {
            text = dev.layerfit.io.InputFiles.readUtf8(file, dev.layerfit.io.InputFiles.DOCUMENT_CAP, "the template");
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such template: " + file + "; check the path");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + dev.layerfit.error.ExceptionWords.describe(e), e);
        }
        boolean json = file.getFileName().toString().endsWith(".json") || text.stripLeading().startsWith("{");
        TemplateNode node = json ? JsonTemplateParser.parse(file, text) : YamlTemplateParser.parse(file, text);
        if (!(node instanceof TemplateNode.Mapping root)) {
            throw new BadInputException(where(node.at()) + ": a template is a mapping with a Resources section; fix the template");
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        TemplateNode resourcesNode = root.entries().get("Resources");
        if (resourcesNode != null && !(resourcesNode instanceof TemplateNode.Mapping)) {
            throw new BadInputException(where(resourcesNode.at()) + ": Resources must be a mapping of logical ids to resources");
        }
        TemplateNode.Mapping section = root.mapping("Resources");
        for (Map.Entry<String, TemplateNode> e : section.entries().entrySet()) {
            SourceLocation at = section.keyAt(e.getKey());
            if (!(e.getValue() instanceof TemplateNode.Mapping r)) {
                throw new BadInputException(where(at) + ": resource " + e.getKey() + " must be a mapping with a Type");
            }
            String type = r.get("Type").filter(TemplateNode.Scalar.class::isInstance).map(n -> ((TemplateNode.Scalar) n).text())
                    .orElse("");
            String condition = r.get("Condition").filter(TemplateNode.Scalar.class::isInstance)
                    .map(n -> ((TemplateNode.Scalar) n).text()).orElse(null);
            resources.put(e.getKey(), new Resource(e.getKey(), type, r.mapping("Properties"), r.mapping("Metadata"), condition, at));
        }
        return new Template(file, root, resources);
    }

    /** "template.yaml:12:3": the form messages use. */
    public static String where(SourceLocation at) {
        return at.line() > 0 ? at.file() + ":" + at.line() + ":" + at.column() : at.file().toString();
    }

    public Path file() {
        return file;
    }

    /** The folder relative code paths start from. */
    public Path folder() {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of("");
    }

    public TemplateNode.Mapping root() {
        return root;
    }

    /** A top-level section ({@code Parameters}, {@code Conditions}, {@code Mappings}, {@code Globals}), empty if absent. */
    public TemplateNode.Mapping section(String name) {
        return root.mapping(name);
    }

    /** Resources in file order. */
    public Map<String, Resource> resources() {
        return java.util.Collections.unmodifiableMap(resources);
    }

    /** Whether the template declares the SAM transform ({@code Transform: AWS::Serverless-2016-10-31}). */
    public boolean isSam() {
        TemplateNode t = root.entries().get("Transform");
        if (t instanceof TemplateNode.Scalar s) {
            return s.text().startsWith("AWS::Serverless");
        }
        if (t instanceof TemplateNode.Sequence seq) {
            return seq.items().stream().anyMatch(i -> i instanceof TemplateNode.Scalar s && s.text().startsWith("AWS::Serverless"));
        }
        return false;
    }
}
