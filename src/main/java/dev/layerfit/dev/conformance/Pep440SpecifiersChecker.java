package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep440.InvalidSpecifierException;
import dev.layerfit.python.pep440.SpecifierSet;
import java.util.Optional;

/** pep440-specifiers.jsonl: specifier set validity and {@code contains(version, prereleases)}. */
final class Pep440SpecifiersChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "pep440-specifiers.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        String s = JsonFields.quote(c.get("specifier").asText());
        return c.has("version") ? s + " contains " + JsonFields.quote(c.get("version").asText())
                + " prereleases=" + JsonFields.bool(c, "prereleases") : s;
    }

    @Override
    public Optional<String> check(JsonNode c) {
        SpecifierSet set;
        try {
            set = SpecifierSet.parse(c.get("specifier").asText());
        } catch (InvalidSpecifierException ex) {
            return new Expect().field("valid", c.get("valid").asBoolean(), false).result();
        }
        Expect e = new Expect().field("valid", c.get("valid").asBoolean(), true);
        if (c.get("valid").asBoolean()) {
            e.field("contains", c.get("contains").asBoolean(),
                    set.contains(c.get("version").asText(), JsonFields.bool(c, "prereleases")));
        }
        return e.result();
    }
}
