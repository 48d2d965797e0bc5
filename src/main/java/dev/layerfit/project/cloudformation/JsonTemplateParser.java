package dev.layerfit.project.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a JSON template with Jackson's streaming parser, keeping every token's line and column. */
final class JsonTemplateParser {

    private final Path file;
    private final JsonParser parser;

    private JsonTemplateParser(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static TemplateNode parse(Path file, String text) {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonTemplateParser p = new JsonTemplateParser(file, parser);
            if (parser.nextToken() == null) {
                throw new BadInputException(file + " is empty; expected a template with Resources");
            }
            TemplateNode root = p.value();
            if (parser.nextToken() != null) {
                throw new BadInputException(p.where(parser.currentTokenLocation()) + ": unexpected content after the "
                        + "template's closing brace; fix the template");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new BadInputException(where + ": not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ")
                    + "); fix the template", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private TemplateNode value() throws IOException {
        SourceLocation at = at(parser.currentTokenLocation());
        JsonToken t = parser.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, TemplateNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = at(parser.currentTokenLocation());
                    parser.nextToken();
                    entries.put(key, value());
                    keys.put(key, keyAt);
                }
                return new TemplateNode.Mapping(entries, keys, at);
            }
            case START_ARRAY: {
                List<TemplateNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value());
                }
                return new TemplateNode.Sequence(items, at);
            }
            case VALUE_NULL:
                return new TemplateNode.Scalar("", true, at);
            default:
                return new TemplateNode.Scalar(parser.getText(), false, at);
        }
    }

    private SourceLocation at(JsonLocation loc) {
        return new SourceLocation(file, loc.getLineNr(), loc.getColumnNr());
    }

    private String where(JsonLocation loc) {
        return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
