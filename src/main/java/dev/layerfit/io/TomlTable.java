package dev.layerfit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.layerfit.error.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TOML 1.0 table read with Jackson's TOML reader (tables become ordered maps, arrays lists, dates strings), with
 * typed look-ups that name the file and the dotted key when a value has the wrong type, so every reader of a
 * user's {@code pyproject.toml} or lock says what is wrong in one sentence.
 */
public final class TomlTable {

    private static final TomlMapper MAPPER = new TomlMapper();

    private final Map<String, Object> values;
    private final String file;
    private final String path;

    private TomlTable(Map<String, Object> values, String file, String path) {
        this.values = values;
        this.file = file;
        this.path = path;
    }

    /**
     * Parses a whole document.
     *
     * @param label the file, for messages
     * @throws BadInputException when the text is not TOML
     */
    public static TomlTable parse(String text, String label) {
        try {
            Map<String, Object> map = MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            return new TomlTable(map == null ? new LinkedHashMap<>() : map, label, "");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadInputException(label + " is not valid TOML" + where + " (" + e.getOriginalMessage()
                    + "); fix the file or give another one", e);
        }
    }

    /** The table's keys and raw values, in file order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The file this table was read from. */
    public String file() {
        return file;
    }

    /** {@code file: [dotted.key]}, for messages. */
    public String where(String key) {
        return file + ": " + (path.isEmpty() ? key : path + "." + key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A sub-table, if present. */
    public Optional<TomlTable> table(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw wrongType(key, "a table");
        }
        return Optional.of(child(m, key));
    }

    /** An array of tables ({@code [[key]]}), empty when absent. */
    public List<TomlTable> tables(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw wrongType(key, "an array of tables");
        }
        List<TomlTable> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw wrongType(key + "[" + i + "]", "a table");
            }
            out.add(child(m, key + "[" + i + "]"));
        }
        return out;
    }

    /** A string, if present. */
    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw wrongType(key, "a string");
        }
        return Optional.of(s);
    }

    /** A required string. */
    public String requiredString(String key) {
        return string(key).orElseThrow(() -> new BadInputException(where(key) + " is missing; the file is not complete"));
    }

    /** An integer, if present. */
    public Optional<Long> integer(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n) || v instanceof Double || v instanceof Float) {
            throw wrongType(key, "an integer");
        }
        return Optional.of(n.longValue());
    }

    /** A boolean, if present. */
    public Optional<Boolean> bool(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Boolean b)) {
            throw wrongType(key, "true or false");
        }
        return Optional.of(b);
    }

    /** An array of strings, empty when absent. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw wrongType(key, "an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A raw value (string, number, boolean, list or map), or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** A table made of a map found in this table's values (e.g. an element of a mixed array). */
    @SuppressWarnings("unchecked")
    public TomlTable child(Map<?, ?> map, String key) {
        return new TomlTable((Map<String, Object>) map, file, path.isEmpty() ? key : path + "." + key);
    }

    /** A bad-input error about {@code key}. */
    public BadInputException wrongType(String key, String expected) {
        return new BadInputException(where(key) + " must be " + expected + "; fix the file");
    }
}
