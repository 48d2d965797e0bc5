package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.Tag;
import dev.layerfit.python.tags.TargetTags;
import dev.layerfit.python.tags.WheelFilename;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** wheel-filenames.jsonl: parsing, and compatibility/priority for every target of tags.jsonl. */
final class WheelFilenamesChecker implements CaseChecker {

    private final Supplier<Map<String, TargetTags>> targets;

    WheelFilenamesChecker(Supplier<Map<String, TargetTags>> targets) {
        this.targets = targets;
    }

    @Override
    public String fileName() {
        return "wheel-filenames.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        return JsonFields.quote(c.get("filename").asText());
    }

    @Override
    public Optional<String> check(JsonNode c) {
        WheelFilename w;
        try {
            w = WheelFilename.parse(c.get("filename").asText());
        } catch (InvalidWheelFilenameException e) {
            return new Expect().field("valid", c.get("valid").asBoolean(), false).result();
        }
        Expect e = new Expect().field("valid", c.get("valid").asBoolean(), true);
        if (!c.get("valid").asBoolean()) {
            return e.result();
        }
        JsonNode build = c.get("build");
        e.field("name", JsonFields.text(c, "name"), w.name())
                .field("version", JsonFields.text(c, "version"), w.version().toString())
                .field("build", build.isNull() ? null : Arrays.asList(build.get(0).bigIntegerValue(), build.get(1).asText()),
                        w.buildNumber() == null ? null : Arrays.<Object>asList(w.buildNumber(), w.buildSuffix()))
                .field("tags", JsonFields.texts(c.get("tags")), w.tags().stream().map(Tag::toString).sorted().toList());
        Map<String, TargetTags> known = targets.get();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("targets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> t = it.next();
            TargetTags tags = known.get(t.getKey());
            if (tags == null) {
                e.fail("target " + t.getKey() + " is not described in tags.jsonl");
                continue;
            }
            OptionalInt priority = tags.priority(w);
            JsonNode expected = t.getValue();
            e.field(t.getKey() + ".compatible", expected.get("compatible").asBoolean(), priority.isPresent())
                    .field(t.getKey() + ".priority", expected.get("priority").isNull() ? null : expected.get("priority").asInt(),
                            priority.isPresent() ? priority.getAsInt() : null);
        }
        return e.result();
    }
}
