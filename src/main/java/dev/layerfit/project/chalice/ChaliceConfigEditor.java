package dev.layerfit.project.chalice;

import dev.layerfit.deployment.LayerArn;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces one layer ARN in a {@code .chalice/config.json} without re-serialising it: Jackson's streaming parser
 * gives each string token's character offset, and only the characters of that token are replaced. Key order,
 * indentation, line endings and everything else stay as they were.
 *
 * <p>The list edited is the stage's {@code layers} when the stage sets one, else the top-level {@code layers} (the
 * list Chalice would use for the stage's functions); the entry replaced is the ARN of the same layer name.
 */
public final class ChaliceConfigEditor {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ChaliceConfigEditor() {
    }

    /**
     * Plans replacing the ARN of layer {@code matchName} with {@code newArn}; call {@link LayerReplacement#write()}
     * to apply it.
     *
     * @param stage     the stage (must exist in the config, or be {@code dev} when none are defined)
     * @param matchName the layer name whose ARN is replaced (the published layer's name, or {@code --replace NAME})
     * @throws InvalidChaliceConfigException when the file is not valid JSON (file:line:column)
     * @throws ConfigEditException           when there is no {@code layers} list or no ARN of that layer in it
     */
    public static LayerReplacement replaceLayer(Path configFile, String stage, String matchName, String newArn) {
        return plan(configFile, stage, matchName, java.util.Objects.requireNonNull(newArn));
    }

    /**
     * Checks, before anything is published, that {@link #replaceLayer} will find exactly one ARN of layer
     * {@code matchName} to replace; the messages then speak of "the new version's ARN", which is not known yet.
     *
     * @throws InvalidChaliceConfigException when the file is not valid JSON (file:line:column)
     * @throws ConfigEditException           when there is no {@code layers} list or no single ARN of that layer in it
     */
    public static void checkReplaceable(Path configFile, String stage, String matchName) {
        plan(configFile, stage, matchName, null);
    }

    private static LayerReplacement plan(Path configFile, String stage, String matchName, String newArn) {
        String shown = newArn != null ? newArn : "<the new version's ARN>";
        String raw = read(configFile);
        // a UTF-8 byte-order mark (Windows editors) is read by check, so it is edited too, and kept
        String bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = raw.substring(bom.length());
        ChaliceConfig config = ChaliceConfig.parse(text, configFile);
        config.resolve(stage, null); // validates the stage with a helpful message
        ConfigScope stageScope = config.stages().get(stage);
        String listPath;
        if (stageScope != null && stageScope.layers() != null) {
            listPath = stageScope.path() + ".layers";
        } else if (config.topLevel().layers() != null) {
            listPath = "layers";
        } else {
            throw new ConfigEditException(configFile + " has no \"layers\" list in stage '" + stage
                    + "' or at the top level, so there is no layer ARN to replace; add \"layers\": [\"" + shown
                    + "\"] to the stage \"" + stage + "\" (or to the top level) and run again");
        }
        List<StringToken> tokens = stringsOf(text, listPath);
        List<StringToken> matches = tokens.stream()
                .filter(t -> LayerArn.parse(t.value).map(a -> a.name().equals(matchName)).orElse(false)).toList();
        String where = configFile + " (" + listPath + ")";
        if (matches.isEmpty()) {
            throw new ConfigEditException(where + " holds no ARN of layer '" + matchName + "'; add " + (newArn != null ? "the ARN " + newArn : "the new version's ARN")
                    + " to that list yourself, or name the layer to replace with --replace NAME");
        }
        if (matches.size() > 1) {
            throw new ConfigEditException(where + " lists layer '" + matchName + "' " + matches.size()
                    + " times; remove the duplicates and run again");
        }
        if (newArn == null) {
            return null;
        }
        StringToken t = matches.get(0);
        String replacement = quote(newArn);
        String newText = text.substring(0, t.start) + replacement + text.substring(t.end);
        int lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
        int oldLineEnd = lineEnd(text, t.start);
        int newLineEnd = lineEnd(newText, t.start);
        int line = (int) text.substring(0, t.start).chars().filter(c -> c == '\n').count() + 1;
        return new LayerReplacement(configFile, t.path, line, t.value, newArn, text.substring(lineStart, oldLineEnd),
                newText.substring(lineStart, newLineEnd), bom + newText);
    }

    private static String read(Path file) {
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            return new String(dev.layerfit.io.InputFiles.readBytes(file, dev.layerfit.io.InputFiles.TEXT_CAP, "the config file"),
                    StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChaliceConfigNotFoundException("no such config file: " + file
                    + "; give the path of .chalice/config.json to --update-config");
        } catch (IOException e) {
            throw new ConfigEditException("cannot read " + file + " (" + dev.layerfit.error.ExceptionWords.describe(e)
                    + "); check its permissions", e);
        }
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** A JSON string literal of an ARN (ARNs hold no characters that need escaping, but escape anyway). */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private record StringToken(String path, String value, int start, int end) {
    }

    /** The string elements of the array at {@code arrayPath} (its last occurrence, as json.loads keeps the last key). */
    private static List<StringToken> stringsOf(String text, String arrayPath) {
        List<StringToken> found = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_ARRAY && path(ctx.getParent()).equals(arrayPath)) {
                    found.clear();
                } else if (t == JsonToken.VALUE_STRING && ctx.inArray() && path(ctx.getParent()).equals(arrayPath)) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    String value = p.getText();
                    found.add(new StringToken(JsonLocations.element(arrayPath, ctx.getCurrentIndex()), value, start,
                            endOfString(text, start)));
                }
                if (ctx.inRoot() && (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the text was parsed once already by ChaliceConfig
        }
        return found;
    }

    /** The offset just past the closing quote of the string literal starting at {@code start}. */
    private static int endOfString(String text, int start) {
        if (text.charAt(start) != '"') {
            throw new IllegalStateException("no string literal at offset " + start);
        }
        int i = start + 1;
        while (text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = path(ctx.getParent());
        return ctx.inArray() ? JsonLocations.element(parent, ctx.getCurrentIndex())
                : JsonLocations.child(parent, ctx.getCurrentName());
    }
}
