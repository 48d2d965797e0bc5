package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoreMetadataTest {

    @Test
    void readsTheHeadersResolutionNeeds() {
        String text = """
                Metadata-Version: 2.1
                Name: Requests
                Version: 2.31.0
                Summary: Python HTTP for Humans.
                License: Apache 2.0
                  and more licence text folded
                Requires-Python: >=3.7
                Requires-Dist: charset-normalizer (<4,>=2)
                Requires-Dist: idna<4,>=2.5
                Requires-Dist: PySocks!=1.5.7,>=1.5.6; extra == "socks"
                Provides-Extra: socks
                Provides-Extra: use_chardet_on_py3

                Requires-Dist: not-a-header (this is the long description)
                """;
        CoreMetadata m = CoreMetadata.parse(text, "requests METADATA");
        assertThat(m.name()).isEqualTo("Requests");
        assertThat(m.normalizedName()).isEqualTo("requests");
        assertThat(m.version()).hasToString("2.31.0");
        assertThat(m.requiresPython()).isEqualTo(">=3.7");
        assertThat(m.requiresDist()).extracting(Object::toString).containsExactly("charset-normalizer<4,>=2",
                "idna<4,>=2.5", "PySocks!=1.5.7,>=1.5.6; extra == \"socks\"");
        assertThat(m.providesExtra()).containsExactly("socks", "use-chardet-on-py3");
    }

    @Test
    void brokenMetadataIsReportedWithItsLabel() {
        assertThatThrownBy(() -> CoreMetadata.parse("Name: x\n", "x.whl METADATA"))
                .isInstanceOf(MetadataUnavailableException.class).hasMessageStartingWith("x.whl METADATA has no Version");
        assertThatThrownBy(() -> CoreMetadata.parse("Name: x\nVersion: 1\nRequires-Dist: a b c\n", "x.whl METADATA"))
                .isInstanceOf(MetadataUnavailableException.class).hasMessageContaining("invalid Requires-Dist 'a b c'");
        assertThatThrownBy(() -> CoreMetadata.parse("Name: x\nVersion: one\n", "x.whl METADATA"))
                .hasMessageContaining("invalid Version 'one'");
    }

    @Test
    void fromBytesOnlyTheHeadersAreDecodedWhateverTheLineEnds() {
        for (String nl : new String[] {"\n", "\r\n", "\r"}) {
            String text = "Name: demo" + nl + "Version: 1.0" + nl + "Requires-Dist: six;" + nl + "  python_version >= \"3\"" + nl
                    + nl + "Name: not-a-header, the body" + nl + "\u00e9t\u00e9" + nl;
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int headers = CoreMetadata.headersLength(bytes);
            assertThat(new String(bytes, 0, headers, java.nio.charset.StandardCharsets.UTF_8)).as(nl)
                    .endsWith("python_version >= \"3\"" + nl).doesNotContain("body");
            CoreMetadata m = CoreMetadata.parse(bytes, "demo.whl METADATA");
            assertThat(m.name()).isEqualTo("demo");
            assertThat(m.requiresDist()).singleElement().asString().contains("six");
        }
        byte[] noBody = "Name: a\nVersion: 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(CoreMetadata.headersLength(noBody)).isEqualTo(noBody.length);
        assertThat(CoreMetadata.parse(noBody, "a").version()).hasToString("2");
    }

    @Test
    void aLicenceFoldedIntoThousandsOfLinesIsSkippedAndFoldedRequirementsAreJoined() {
        StringBuilder text = new StringBuilder("Metadata-Version: 2.1\nName: big\nVersion: 1.0\nLicense: Copyright\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("        line ").append(i).append(" of the licence: Name: not-this\n");
        }
        text.append("Requires-Dist: six\n   ;  python_version >= \"3\"\nProvides-Extra: Fast_Mode\n\nbody\n");
        CoreMetadata m = CoreMetadata.parse(text.toString(), "big.whl METADATA");
        byte[] kept = CoreMetadata.neededHeaders(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new String(kept, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Name: big\nVersion: 1.0\n"
                + "Requires-Dist: six ;  python_version >= \"3\"\nProvides-Extra: Fast_Mode\n");
        assertThat(CoreMetadata.parse(kept, "kept")).isEqualTo(m);
        assertThat(m.name()).isEqualTo("big");
        assertThat(m.requiresDist()).singleElement().asString().isEqualTo("six; python_version >= \"3\"");
        assertThat(m.providesExtra()).containsExactly("fast-mode");
    }
}
