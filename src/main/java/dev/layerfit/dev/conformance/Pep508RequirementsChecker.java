package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep508.InvalidRequirementException;
import dev.layerfit.python.pep508.Marker;
import dev.layerfit.python.pep508.Requirement;
import java.util.ArrayList;
import java.util.Optional;

/** pep508-requirements.jsonl: validity and every printed part of a requirement. */
final class Pep508RequirementsChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "pep508-requirements.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        return JsonFields.quote(c.get("input").asText());
    }

    @Override
    public Optional<String> check(JsonNode c) {
        Requirement r;
        try {
            r = Requirement.parse(c.get("input").asText());
        } catch (InvalidRequirementException e) {
            return new Expect().field("valid", c.get("valid").asBoolean(), false).result();
        }
        Expect e = new Expect().field("valid", c.get("valid").asBoolean(), true);
        if (c.get("valid").asBoolean()) {
            e.field("name", JsonFields.text(c, "name"), r.name())
                    .field("extras", JsonFields.texts(c.get("extras")), new ArrayList<>(r.extras()))
                    .field("specifier", JsonFields.text(c, "specifier"), r.specifier().toString())
                    .field("marker", JsonFields.text(c, "marker"), r.marker().map(Marker::toString).orElse(null))
                    .field("url", JsonFields.text(c, "url"), r.url().orElse(null))
                    .field("str", JsonFields.text(c, "str"), r.toString());
        }
        return e.result();
    }
}
