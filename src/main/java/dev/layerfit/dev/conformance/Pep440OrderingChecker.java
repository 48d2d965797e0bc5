package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep440.Version;
import java.util.Optional;

/** pep440-ordering.jsonl: the sign of comparing two versions, both ways round. */
final class Pep440OrderingChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "pep440-ordering.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        return JsonFields.quote(c.get("a").asText()) + " vs " + JsonFields.quote(c.get("b").asText());
    }

    @Override
    public Optional<String> check(JsonNode c) {
        Version a = Version.parse(c.get("a").asText());
        Version b = Version.parse(c.get("b").asText());
        int expected = c.get("cmp").asInt();
        Expect e = new Expect()
                .field("cmp(a,b)", expected, Integer.signum(a.compareTo(b)))
                .field("cmp(b,a)", -expected, Integer.signum(b.compareTo(a)))
                .field("equals", expected == 0, a.equals(b));
        if (expected == 0 && a.hashCode() != b.hashCode()) {
            e.fail("equal versions have different hash codes");
        }
        return e.result();
    }
}
