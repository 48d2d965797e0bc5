package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep440.SpecifierSet;
import java.util.Optional;

/** pep440-filter.jsonl: {@code filter(versions, prereleases)}, order and spelling kept. */
final class Pep440FilterChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "pep440-filter.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        return Json.quote(c.get("specifier").asText()) + " filter " + Json.texts(c.get("versions"))
                + " prereleases=" + Json.bool(c, "prereleases");
    }

    @Override
    public Optional<String> check(JsonNode c) {
        SpecifierSet set = SpecifierSet.parse(c.get("specifier").asText());
        return new Expect().field("filtered", Json.texts(c.get("filtered")),
                set.filter(Json.texts(c.get("versions")), Json.bool(c, "prereleases"))).result();
    }
}
