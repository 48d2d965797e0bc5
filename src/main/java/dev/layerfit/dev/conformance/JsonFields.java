package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Small readers for the JSON values the conformance files use. */
final class JsonFields {
    private JsonFields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    static BigInteger integer(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.bigIntegerValue();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static List<BigInteger> integers(JsonNode array) {
        List<BigInteger> out = new ArrayList<>();
        array.forEach(n -> out.add(n.bigIntegerValue()));
        return out;
    }

    /** Java-ish quoting of a string so that whitespace and control characters are visible. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || Character.isWhitespace(c) && c != ' '
                    || c == 0x2028 || c == 0x2029 || c == 0x3000 || c == 0x202f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
