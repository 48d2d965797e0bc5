package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.tags.TargetTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Lambda targets described in tags.jsonl, by id, as {@link TargetTags}. */
final class TargetMap {
    private TargetMap() {
    }

    static TargetTags targetTags(JsonNode target) {
        String[] glibc = target.get("glibc").asText().split("\\.");
        return TargetTags.forTarget(target.get("python").asText(), target.get("arch").asText(),
                Integer.parseInt(glibc[0]), Integer.parseInt(glibc[1]));
    }

    static Map<String, TargetTags> fromCases(List<ConformanceCase> tagCases) {
        Map<String, TargetTags> out = new LinkedHashMap<>();
        for (ConformanceCase c : tagCases) {
            JsonNode target = c.data().get("target");
            out.put(target.get("id").asText(), targetTags(target));
        }
        return out;
    }
}
