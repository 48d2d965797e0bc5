package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep508.MarkerEnvironment;
import dev.layerfit.python.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** tags.jsonl: a Lambda target's marker environment, platform list and ordered supported tags. */
final class TagsChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "tags.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        return c.get("target").get("id").asText();
    }

    @Override
    public Optional<String> check(JsonNode c) {
        JsonNode target = c.get("target");
        var tags = TargetMap.targetTags(target);
        Map<String, String> env = new LinkedHashMap<>();
        c.get("environment").fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        return new Expect()
                .field("environment", env, MarkerEnvironment.forTarget(target.get("python").asText(),
                        target.get("arch").asText()).asMap())
                .field("platforms", JsonFields.texts(c.get("platforms")), tags.platforms())
                .field("tags", JsonFields.texts(c.get("tags")), tags.tags().stream().map(Tag::toString).toList())
                .result();
    }
}
