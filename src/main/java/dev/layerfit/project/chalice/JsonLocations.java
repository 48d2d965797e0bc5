package dev.layerfit.project.chalice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The line and column of every value in a JSON text, by path ({@code stages.prod.layers[1]}), read with Jackson's
 * streaming parser (a tree model keeps no locations). Syntax errors become an {@link InvalidChaliceConfigException}
 * naming {@code file:line:column}. Like Python's {@code json.loads}, which Chalice uses, a repeated key keeps its last
 * value and anything after the top-level value is an error.
 */
final class JsonLocations {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern CODE = Pattern.compile("\\('(.*?)' \\(code \\d+\\)\\)");

    private final Map<String, int[]> positions;

    private JsonLocations(Map<String, int[]> positions) {
        this.positions = positions;
    }

    /** Indexes {@code text}; {@code file} names it in error messages. */
    static JsonLocations index(String text, Path file) {
        Map<String, int[]> positions = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidChaliceConfigException(file + ":1:1: the file is empty; it must hold a JSON object such as "
                        + "{\"version\": \"2.0\", \"app_name\": \"myapp\", \"stages\": {\"dev\": {}}}");
            }
            while (t != null) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    JsonStreamContext ctx = p.getParsingContext();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        ctx = ctx.getParent();
                    }
                    JsonLocation loc = p.currentTokenLocation();
                    positions.put(path(ctx), new int[] {loc.getLineNr(), loc.getColumnNr()});
                }
                boolean rootDone = p.getParsingContext().inRoot()
                        && (t.isScalarValue() || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY);
                if (rootDone) {
                    break;
                }
                t = p.nextToken();
            }
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new InvalidChaliceConfigException(file + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                        + ": there is more after the end of the top-level JSON value; remove it or fix the JSON");
            }
        } catch (StreamReadException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : loc.getLineNr();
            int column = loc == null ? 1 : loc.getColumnNr();
            throw new InvalidChaliceConfigException(file + ":" + line + ":" + column + ": " + describe(e, text)
                    + "; fix the JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonLocations(positions);
    }

    /** {@code [line, column]} of the value at {@code path}, or {@code [0, 0]} when unknown. */
    int[] at(String path) {
        return positions.getOrDefault(path, new int[] {0, 0});
    }

    /** {@code stages.prod.layers[1]}; keys that are not plain words are quoted: {@code stages["a.b"]}. */
    static String child(String parent, String key) {
        String part = SIMPLE_KEY.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
        if (parent.isEmpty()) {
            return part;
        }
        return part.startsWith("[") ? parent + part : parent + "." + part;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = path(ctx.getParent());
        if (ctx.inArray()) {
            return element(parent, ctx.getCurrentIndex());
        }
        return child(parent, ctx.getCurrentName());
    }

    /** One clause saying what is wrong at the error position, friendlier than the parser's wording where it helps. */
    private static String describe(StreamReadException e, String text) {
        String raw = e.getOriginalMessage();
        JsonLocation loc = e.getLocation();
        int offset = loc == null ? -1 : (int) loc.getCharOffset();
        if (raw.startsWith("Unexpected end-of-input")) {
            return "the file ends before the JSON is complete (a closing '}' or ']' or a quote is missing)";
        }
        if (offset >= 0 && offset < text.length() && (text.charAt(offset) == '}' || text.charAt(offset) == ']')) {
            int before = offset - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (before >= 0 && text.charAt(before) == ',') {
                return "a comma before '" + text.charAt(offset) + "' with nothing after it (JSON allows no trailing comma)";
            }
        }
        if (raw.contains("was expecting comma to separate")) {
            return "a comma is missing before this value";
        }
        if (raw.contains("was expecting double-quote to start field name")) {
            return "a key must be a string in double quotes";
        }
        if (raw.startsWith("Unexpected character ('''")) {
            return "strings and keys need double quotes, not single quotes";
        }
        java.util.regex.Matcher token = UNRECOGNIZED.matcher(raw);
        if (token.lookingAt()) {
            return "'" + token.group(1) + "' is not a JSON value (use true, false, null, a number, or a string in double quotes)";
        }
        if (raw.startsWith("Unexpected character ('/'") || raw.startsWith("Unexpected character ('#'")) {
            return "JSON allows no comments";
        }
        String firstLine = raw.lines().findFirst().orElse(raw);
        return CODE.matcher(firstLine).replaceAll("'$1'").replace("Unexpected", "unexpected").replace("Unrecognized", "unrecognized");
    }
}
