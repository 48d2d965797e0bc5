package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplePageParserTest {

    private static final URI PAGE = URI.create("https://pypi.test/simple/requests/");

    @Test
    void readsPep503AnchorsWithEveryAttribute() {
        String html = """
                <!DOCTYPE html><html><head><meta name="pypi:repository-version" content="1.1"></head><body>
                <h1>Links for requests</h1>
                <a href="../../packages/requests-2.31.0-py3-none-any.whl#sha256=58CD2187C01E70E6E26505BCA751777AA9F2EE0B7F4300988B709F44E013003F"
                   data-requires-python="&gt;=3.7" data-dist-info-metadata="sha256=aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11" data-core-metadata="sha256=BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22BB22">requests-2.31.0-py3-none-any.whl</a><br/>
                <A HREF='https://files.test/requests-2.0.0.tar.gz' data-yanked="broken &amp; insecure">requests-2.0.0.tar.gz</A>
                <a href="requests-1.0.0-py2.py3-none-any.whl" data-yanked data-dist-info-metadata="true" data-requires-python="">x</a>
                <a href="requests%2B%20local-0.1-py3-none-any.whl#md5=abc">y</a>
                </body></html>
                """;
        List<IndexFile> files = SimplePageParser.parseHtml("requests", html, PAGE, "pypi.test").files();
        assertThat(files).hasSize(4);
        IndexFile first = files.get(0);
        assertThat(first.filename()).isEqualTo("requests-2.31.0-py3-none-any.whl");
        assertThat(first.url()).hasToString("https://pypi.test/packages/requests-2.31.0-py3-none-any.whl");
        assertThat(first.sha256()).isEqualTo("58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f");
        assertThat(first.requiresPython()).isEqualTo(">=3.7");
        assertThat(first.metadataAvailable()).isTrue();
        assertThat(first.metadataSha256()).isEqualTo("bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22"); // PEP 714: data-core-metadata wins
        assertThat(first.metadataUrl()).hasToString(first.url() + ".metadata");
        assertThat(first.yanked()).isFalse();
        assertThat(first.wheelFilename()).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("requests"));
        assertThat(first.source()).isEqualTo("pypi.test");

        IndexFile sdist = files.get(1);
        assertThat(sdist.isWheel()).isFalse();
        assertThat(sdist.yanked()).isTrue();
        assertThat(sdist.yankedReason()).isEqualTo("broken & insecure");
        assertThat(sdist.sha256()).isNull();
        assertThat(sdist.metadataAvailable()).isFalse();

        IndexFile old = files.get(2);
        assertThat(old.url()).hasToString("https://pypi.test/simple/requests/requests-1.0.0-py2.py3-none-any.whl");
        assertThat(old.yanked()).isTrue();
        assertThat(old.yankedReason()).isNull();
        assertThat(old.requiresPython()).isNull();
        assertThat(old.metadataAvailable()).isTrue();
        assertThat(old.metadataSha256()).isNull();

        assertThat(files.get(3).filename()).isEqualTo("requests+ local-0.1-py3-none-any.whl");
        assertThat(files.get(3).sha256()).isNull();
    }

    @Test
    void baseHrefChangesWhereRelativeLinksPoint() {
        String html = "<html><head><base href=\"https://cdn.test/files/\"></head><a href=\"a-1.0-py3-none-any.whl\">a</a></html>";
        assertThat(SimplePageParser.parseHtml("a", html, PAGE, "x").files().get(0).url())
                .hasToString("https://cdn.test/files/a-1.0-py3-none-any.whl");
    }

    @Test
    void readsPep691Json() {
        String json = """
                {"meta": {"api-version": "1.1"}, "name": "requests", "versions": ["2.31.0"],
                 "files": [
                  {"filename": "requests-2.31.0-py3-none-any.whl", "url": "../../packages/requests-2.31.0-py3-none-any.whl",
                   "hashes": {"sha256": "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD", "md5": "00"}, "requires-python": ">=3.7", "core-metadata": {"sha256": "FEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEEDFEED"},
                   "dist-info-metadata": false, "yanked": false},
                  {"filename": "requests-2.0.0.tar.gz", "url": "https://files.test/requests-2.0.0.tar.gz", "hashes": {},
                   "yanked": "CVE-2023-0001"},
                  {"filename": "requests-1.0.0-py3-none-any.whl", "url": "requests-1.0.0-py3-none-any.whl", "hashes": {},
                   "dist-info-metadata": true, "yanked": true}
                 ]}
                """;
        List<IndexFile> files = SimplePageParser.parseJson("requests", json, PAGE, "pypi.test").files();
        assertThat(files).extracting(IndexFile::filename).containsExactly("requests-2.31.0-py3-none-any.whl",
                "requests-2.0.0.tar.gz", "requests-1.0.0-py3-none-any.whl");
        assertThat(files.get(0).url()).hasToString("https://pypi.test/packages/requests-2.31.0-py3-none-any.whl");
        assertThat(files.get(0).sha256()).isEqualTo("abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd");
        assertThat(files.get(0).requiresPython()).isEqualTo(">=3.7");
        assertThat(files.get(0).metadataAvailable()).isTrue();
        assertThat(files.get(0).metadataSha256()).isEqualTo("feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed");
        assertThat(files.get(1).yanked()).isTrue();
        assertThat(files.get(1).yankedReason()).isEqualTo("CVE-2023-0001");
        assertThat(files.get(1).metadataAvailable()).isFalse();
        assertThat(files.get(2).yanked()).isTrue();
        assertThat(files.get(2).yankedReason()).isNull();
        assertThat(files.get(2).metadataAvailable()).isTrue();
    }

    @Test
    void garbageIsABadIndexResponseNamingTheUrlWithoutCredentials() {
        URI secret = URI.create("https://ci:t0ken@pypi.test/simple/x/");
        assertThatThrownBy(() -> SimplePageParser.parseJson("x", "{\"meta\":{}}", secret, "s"))
                .isInstanceOf(BadIndexResponseException.class)
                .hasMessageContaining("https://ci:****@pypi.test/simple/x/").hasMessageContaining("\"files\"")
                .hasMessageNotContaining("t0ken");
        assertThatThrownBy(() -> SimplePageParser.parseJson("x", "not json", PAGE, "s"))
                .isInstanceOf(BadIndexResponseException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> SimplePageParser.parseJson("x", "{\"files\":[{\"url\":\"a\"}]}", PAGE, "s"))
                .isInstanceOf(BadIndexResponseException.class).hasMessageContaining("without \"filename\"");
        assertThatThrownBy(() -> SimplePageParser.parseJson("x", "{\"meta\":{\"api-version\":\"2.0\"},\"files\":[]}", PAGE, "s"))
                .isInstanceOf(BadIndexResponseException.class).hasMessageContaining("version 2.0");
        assertThatThrownBy(() -> SimplePageParser.parseHtml("x", "\u0000\u0001garbage", PAGE, "s"))
                .isInstanceOf(BadIndexResponseException.class).hasMessageContaining("did not return an HTML or JSON");
    }

    @Test
    void contentTypesAreRecognised() {
        assertThat(SimplePageParser.isJson("application/vnd.pypi.simple.v1+json; charset=utf-8")).isTrue();
        assertThat(SimplePageParser.isHtml("Text/HTML; charset=utf-8")).isTrue();
        assertThat(SimplePageParser.isHtml("application/vnd.pypi.simple.v1+html")).isTrue();
        assertThat(SimplePageParser.isJson("text/html")).isFalse();
        assertThat(SimplePageParser.isHtml(null)).isFalse();
    }

    @Test
    void redactsPasswordsAndTokens() {
        assertThat(RedactedUrl.of(URI.create("https://user:pa%40ss@h.test/simple/"))).isEqualTo("https://user:****@h.test/simple/");
        assertThat(RedactedUrl.of(URI.create("https://tok3n@h.test/simple/"))).isEqualTo("https://****@h.test/simple/");
        assertThat(RedactedUrl.of(URI.create("https://h.test/simple/"))).isEqualTo("https://h.test/simple/");
    }
}
