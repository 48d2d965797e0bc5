package dev.layerfit.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingFormatTest {

    @TempDir
    Path tmp;

    /** Latin-1 text, a lone continuation byte, NUL, CR LF and every byte value: not UTF-8, kept as is. */
    private static final byte[] NOT_UTF8 = notUtf8();

    private static byte[] notUtf8() {
        byte[] b = new byte[256 + 8];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        byte[] tail = {(byte) 0xE9, 't', (byte) 0xE9, (byte) 0x80, 0, '\r', '\n', (byte) 0xFF};
        System.arraycopy(tail, 0, b, 256, tail.length);
        return b;
    }

    private static final Listing AWKWARD = new Listing(List.of("recorded-from: a test", "", "date: 2026-11-26"), List.of(
            ListingEntry.directory("python/"),
            ListingEntry.directory("python/with space/"),
            ListingEntry.file("python/with space/a file.txt", 12, 14),
            ListingEntry.file("python/tab\there.py", 0, 2),
            ListingEntry.file("python/back\\slash\\t.py", 5, 7),
            ListingEntry.file("python/new\nline\r.py", 1, 3),
            ListingEntry.file("python/ünïcødé-数据.json", 1_000_000_000_000L, 123_456),
            ListingEntry.symlink("python/lib.so", "../libs/lib with space.so.1", 30),
            ListingEntry.file("python/#not-a-comment", 1, 3),
            ListingEntry.file("python/pkg-1.0.dist-info/RECORD", "pkg/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
                    .getBytes(StandardCharsets.UTF_8), 60),
            ListingEntry.file("python/pkg-1.0.dist-info/INSTALLER", NOT_UTF8, 11),
            ListingEntry.file("python/pkg-1.0.dist-info/WHEEL", new byte[0], 2)));


    @Test
    void writesThenReadsTheSameListing() throws IOException {
        Path file = tmp.resolve("awkward.listing");
        ListingWriter.write(AWKWARD, file);
        Listing read = ListingReader.read(file);
        assertThat(read).isEqualTo(AWKWARD);
        assertThat(read.entries().get(read.entries().size() - 2).content().bytes()).isEqualTo(NOT_UTF8);
        assertThat(read.keptContentCount()).isEqualTo(3);
        assertThat(Files.readString(file)).startsWith(Listing.MAGIC + "\n# recorded-from: a test\n#\n# date: ");
    }

    @Test
    void escapesOnlyBackslashTabAndLineBreaks() {
        String text = ListingWriter.format(AWKWARD);
        assertThat(text).contains("f\t12\t14\tpython/with space/a file.txt\n")
                .contains("f\t0\t2\tpython/tab\\there.py\n")
                .contains("f\t5\t7\tpython/back\\\\slash\\\\t.py\n")
                .contains("f\t1\t3\tpython/new\\nline\\r.py\n")
                .contains("l\t27\t30\tpython/lib.so\t../libs/lib with space.so.1\n");
        assertThat(text.lines().filter(l -> !l.startsWith("#") && !l.startsWith("=\t")))
                .hasSize(AWKWARD.entries().size());
    }

    @Test
    void keptContentIsAContentLineOfBase64RawDeflateAfterItsFile() throws Exception {
        String text = ListingWriter.format(AWKWARD);
        List<String> lines = text.lines().toList();
        int at = lines.indexOf("f\t264\t11\tpython/pkg-1.0.dist-info/INSTALLER");
        assertThat(at).isPositive();
        assertThat(lines.get(at + 1)).startsWith("=\t").matches("=\t[A-Za-z0-9+/]+=*");
        // decoded independently of InlineContent: base64, then a raw inflate
        byte[] deflated = java.util.Base64.getDecoder().decode(lines.get(at + 1).substring(2));
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setInput(deflated);
        byte[] out = new byte[NOT_UTF8.length + 10];
        int n = inflater.inflate(out);
        assertThat(inflater.finished()).isTrue();
        assertThat(java.util.Arrays.copyOf(out, n)).isEqualTo(NOT_UTF8);
        inflater.end();
        assertThat(lines.get(lines.indexOf("f\t0\t2\tpython/pkg-1.0.dist-info/WHEEL") + 1)).isEqualTo("=\tAwA=");
        assertThat(text).startsWith("# layerfit listing v2\n");
    }

    @Test
    void version1ListingsAreStillRead() {
        Listing l = ListingReader.parse("old.listing", "# layerfit listing v1\n# a comment\nd\t0\t0\ta/\nf\t4\t6\ta/b\n");
        assertThat(l.entries()).containsExactly(ListingEntry.directory("a/"), ListingEntry.file("a/b", 4, 6));
        assertThat(l.keptContentCount()).isZero();
    }

    @Test
    void totalsCountFilesAndSymlinksButNotDirectories() {
        Listing l = ListingReader.parse("t.listing", Listing.MAGIC + "\nd\t0\t0\ta/\nf\t10\t5\ta/x\nl\t3\t5\ta/y\tabc\n");
        assertThat(l.unzippedBytes()).isEqualTo(13);
        assertThat(l.compressedBytes()).isEqualTo(10);
        assertThat(l.fileCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong kind              | x\t1\t1\ta          | 3 | unknown entry kind 'x'
            too few columns         | f\t1\t1              | 3 | expected 4 TAB-separated columns
            path with a stray tab   | f\t1\t1\ta\tb        | 3 | expected 4 TAB-separated columns
            symlink without target  | l\t1\t1\ta           | 3 | expected 5 TAB-separated columns
            negative size           | f\t-1\t1\ta          | 3 | size column '-1'
            size not a number       | f\t12k\t1\ta         | 3 | size column '12k'
            huge zsize              | f\t1\t9999999999999999999\ta | 3 | zsize column
            bad escape              | f\t1\t1\ta\\q        | 3 | bad escape
            trailing backslash      | f\t1\t1\ta\\         | 3 | bad escape
            empty path              | 'f\t1\t1\t'         | 3 | path is empty
            absolute path           | f\t1\t1\t/etc/passwd | 3 | must be relative
            directory without slash | d\t0\t0\ta           | 3 | must end with '/'
            file with slash         | f\t1\t1\ta/          | 3 | only a directory path
            directory with a size   | d\t5\t0\ta/          | 3 | size and zsize 0
            link size mismatch      | l\t9\t1\ta\tabc      | 3 | target's length (3)
            """)
    void malformedLineIsBadInputNamingFileAndLine(String what, String line, int lineNo, String message) {
        String text = Listing.MAGIC + "\n# a comment\n" + line + "\nf\t1\t1\tok\n"; // the text block already turned each backslash-t into a TAB
        assertThatThrownBy(() -> ListingReader.parse("layers/x.listing", text))
                .isInstanceOf(BadListingException.class)
                .hasMessageStartingWith("layers/x.listing:" + lineNo + ": ")
                .hasMessageContaining(message)
                .hasMessageEndingWith("; fix the line or re-record the listing");
    }

    /** Content lines: "AwA=" is the empty raw deflate stream, "MwQA" deflates "1", "MzICAA==" deflates "22". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            size mismatch, shorter  | v2 | f\t3\t3\ta\\n=\tMwQA            | 3 | the content of 'a' is 1 bytes, not the recorded size 3
            size mismatch, longer   | v2 | f\t1\t3\ta\\n=\tMzICAA==        | 3 | the content of 'a' is longer than the recorded size 1
            not base64              | v2 | f\t1\t3\ta\\n=\tM*QA            | 3 | not base64
            not deflate             | v2 | f\t1\t3\ta\\n=\t/////w==        | 3 | not a raw deflate stream
            truncated deflate       | v2 | f\t1\t3\ta\\n=\tMw==            | 3 | truncated
            content in version 1    | v1 | f\t1\t3\ta\\n=\tMwQA            | 3 | needs a version-2 listing
            content of a directory  | v2 | d\t0\t0\ta/\\n=\tAwA=           | 3 | must directly follow the line of the file
            content after a comment | v2 | f\t1\t3\ta\\n# c\\n=\tMwQA      | 4 | must directly follow the line of the file
            content twice           | v2 | f\t1\t3\ta\\n=\tMwQA\\n=\tMwQA | 4 | must directly follow the line of the file
            content first           | v2 | =\tMwQA                        | 2 | must directly follow the line of the file
            bytes after the stream  | v2 | f\t1\t3\ta\\n=\tMwQAAA==        | 3 | bytes after its deflate stream
            """)
    void malformedContentLineIsBadInputNamingFileAndLine(String what, String version, String lines, int lineNo,
                                                         String message) {
        String text = "# layerfit listing " + version + "\n" + lines.replace("\\n", "\n") + "\nf\t1\t1\tok\n";
        assertThatThrownBy(() -> ListingReader.parse("layers/x.listing", text))
                .isInstanceOf(BadListingException.class)
                .hasMessageStartingWith("layers/x.listing:" + lineNo + ": ")
                .hasMessageContaining(message)
                .hasMessageEndingWith("; fix the line or re-record the listing");
    }

    @Test
    void contentThatMatchesItsSizeIsRead() {
        Listing l = ListingReader.parse("x.listing", Listing.MAGIC + "\nf\t2\t4\ta\n=\tMzICAA==\nf\t0\t2\tb\n=\tAwA=\n");
        assertThat(l.entries().get(0).content().bytes()).isEqualTo("22".getBytes(StandardCharsets.US_ASCII));
        assertThat(l.entries().get(1).content().bytes()).isEmpty();
    }

    @Test
    void anEntryRefusesContentOfTheWrongSizeOrKind() {
        assertThatThrownBy(() -> new ListingEntry(ListingEntry.Kind.FILE, 3, 3, "a", null, InlineContent.of(new byte[2])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListingEntry(ListingEntry.Kind.DIRECTORY, 0, 0, "a/", null, InlineContent.of(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileWithoutTheVersionLineIsRefusedAtLineOne() throws IOException {
        Path file = tmp.resolve("old.listing");
        Files.writeString(file, "# layerfit listing v3\nf\t1\t1\ta\n");
        assertThatThrownBy(() -> ListingReader.read(file)).isInstanceOf(BadListingException.class)
                .hasMessageStartingWith("old.listing:1: the first line must be '# layerfit listing v2' (or '# layerfit listing v1')");
        Files.writeString(file, "");
        assertThatThrownBy(() -> ListingReader.read(file)).hasMessageStartingWith("old.listing:1: the file is empty");
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThatThrownBy(() -> ListingReader.read(tmp.resolve("nope.listing")))
                .isInstanceOf(BadListingException.class).hasMessageContaining("no such listing file");
    }

    @Test
    void blankLinesAndCrLfLineEndsAreAccepted() {
        Listing l = ListingReader.parse("crlf.listing", Listing.MAGIC + "\r\n\r\nf\t1\t3\ta b\r\n# end\r\n");
        assertThat(l.entries()).containsExactly(ListingEntry.file("a b", 1, 3));
        assertThat(l.comments()).containsExactly("end");
    }
}
