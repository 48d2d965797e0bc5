package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep508.InvalidMarkerException;
import dev.layerfit.python.pep508.Marker;
import dev.layerfit.python.pep508.UndefinedComparisonException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** pep508-markers.jsonl: validity, normalised text and evaluation in one environment. */
final class Pep508MarkersChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "pep508-markers.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        String s = JsonFields.quote(c.get("marker").asText());
        JsonNode env = c.get("environment");
        if (env == null) {
            return s;
        }
        return s + " @ python" + env.path("python_version").asText() + "-" + env.path("platform_machine").asText()
                + (env.has("extra") ? " extra=" + JsonFields.quote(env.get("extra").asText()) : "");
    }

    @Override
    public Optional<String> check(JsonNode c) {
        Marker m;
        try {
            m = Marker.parse(c.get("marker").asText());
        } catch (InvalidMarkerException e) {
            return new Expect().field("valid", c.get("valid").asBoolean(), false).result();
        }
        Expect e = new Expect().field("valid", c.get("valid").asBoolean(), true);
        if (!c.get("valid").asBoolean()) {
            return e.result();
        }
        e.field("str", JsonFields.text(c, "str"), m.toString());
        Map<String, String> env = new LinkedHashMap<>();
        c.get("environment").fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        String expectedError = JsonFields.text(c, "error");
        try {
            boolean result = m.evaluate(env);
            e.field("result", expectedError == null ? JsonFields.bool(c, "result") : expectedError, result);
        } catch (UndefinedComparisonException ex) {
            e.field("result", expectedError == null ? JsonFields.bool(c, "result") : expectedError, "UndefinedComparison");
        }
        return e.result();
    }
}
