package dev.layerfit.dev.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.python.pep440.Version;
import java.util.Arrays;
import java.util.Optional;

/** pep440-versions.jsonl: parsing, normalisation and the version's properties. */
final class Pep440VersionsChecker implements CaseChecker {

    @Override
    public String fileName() {
        return "pep440-versions.jsonl";
    }

    @Override
    public String describe(JsonNode c) {
        return JsonFields.quote(c.get("input").asText());
    }

    @Override
    public Optional<String> check(JsonNode c) {
        String input = c.get("input").asText();
        Optional<Version> parsed = Version.tryParse(input);
        Expect e = new Expect();
        e.field("valid", c.get("valid").asBoolean(), parsed.isPresent());
        if (parsed.isEmpty() || !c.get("valid").asBoolean()) {
            return e.result();
        }
        Version v = parsed.get();
        JsonNode pre = c.get("pre");
        e.field("normalized", JsonFields.text(c, "normalized"), v.toString())
                .field("public", JsonFields.text(c, "public"), v.publicString())
                .field("base_version", JsonFields.text(c, "base_version"), v.baseVersion())
                .field("is_prerelease", JsonFields.bool(c, "is_prerelease"), v.isPrerelease())
                .field("is_postrelease", JsonFields.bool(c, "is_postrelease"), v.isPostrelease())
                .field("is_devrelease", JsonFields.bool(c, "is_devrelease"), v.isDevrelease())
                .field("epoch", JsonFields.integer(c, "epoch"), v.epoch())
                .field("release", JsonFields.integers(c.get("release")), v.release())
                .field("pre", pre.isNull() ? null : Arrays.asList(pre.get(0).asText(), pre.get(1).bigIntegerValue()),
                        v.preLetter() == null ? null : Arrays.<Object>asList(v.preLetter(), v.preNumber()))
                .field("post", JsonFields.integer(c, "post"), v.post())
                .field("dev", JsonFields.integer(c, "dev"), v.dev())
                .field("local", JsonFields.text(c, "local"), v.local());
        return e.result();
    }

}
