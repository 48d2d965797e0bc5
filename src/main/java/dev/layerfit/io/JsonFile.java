package dev.layerfit.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON file a tool wrote (a template, a manifest) into a tree; malformed JSON is bad input at file:line:column. */
public final class JsonFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFile() {
    }

    /**
     * The file's JSON object.
     *
     * @param hint what to do about a broken file ("run cdk synth again"), ending the message
     * @throws BadInputException when it is missing, not JSON (file:line:column) or not an object
     */
    public static JsonNode readObject(Path file, String hint) {
        JsonNode root;
        try {
            root = MAPPER.readTree(InputFiles.readBytes(file, InputFiles.DOCUMENT_CAP, "the file"));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new BadInputException(where + ": not valid JSON (" + e.getOriginalMessage() + "); " + hint, e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " is missing; " + hint, e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + dev.layerfit.error.ExceptionWords.describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object; " + hint);
        }
        return root;
    }
}
