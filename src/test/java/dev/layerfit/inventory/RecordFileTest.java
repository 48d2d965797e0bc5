package dev.layerfit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordFileTest {

    @Test
    void readsPlainQuotedAndEscapedPaths() {
        String record = "pkg/__init__.py,sha256=abc,12\r\n"
                + "\"pkg/data,with,commas.json\",sha256=def,34\r\n"
                + "\"pkg/say \"\"hi\"\".txt\",sha256=ghi,5\n"
                + "\n"
                + "pkg-1.0.dist-info/RECORD,,\n"
                + "pkg/last.py,,";
        assertThat(RecordFile.paths(record)).containsExactly("pkg/__init__.py", "pkg/data,with,commas.json",
                "pkg/say \"hi\".txt", "pkg-1.0.dist-info/RECORD", "pkg/last.py");
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "python/|numpy/__init__.py|python/numpy/__init__.py",
            "|app.py|app.py",
            "python/lib/python3.11/site-packages/|../../../bin/f2py|python/bin/f2py",
            "python/lib/python3.11/site-packages/|../../../../bin/tool|bin/tool",
            "python/|../../etc/passwd|null",
            "python/|/usr/bin/tool|null",
            "python/|C:\\bin\\tool|null",
            "python/|pkg\\sub\\mod.py|python/pkg/sub/mod.py",
            "python/|./pkg/./mod.py|python/pkg/mod.py",
            "python/x.egg-info/|../x/__init__.py|python/x/__init__.py"})
    void resolvesAgainstTheSiteRoot(String prefix, String path, String expected) {
        assertThat(RecordFile.resolve(prefix == null ? "" : prefix, path)).isEqualTo(expected);
    }
}
