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
        return JsonFields.quote(c.get("specifier").asText()) + " filter " + JsonFields.texts(c.get("versions"))
                + " prereleases=" + JsonFields.bool(c, "prereleases");
    }

    @Override
    public Optional<String> check(JsonNode c) {
        SpecifierSet set = SpecifierSet.parse(c.get("specifier").asText());
        return new Expect().field("filtered", JsonFields.texts(c.get("filtered")),
                set.filter(JsonFields.texts(c.get("versions")), JsonFields.bool(c, "prereleases"))).result();
    }
}
