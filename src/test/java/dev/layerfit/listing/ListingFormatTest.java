package dev.layerfit.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

    private static final Listing AWKWARD = new Listing(List.of("recorded-from: a test", "", "date: 2026-11-26"), List.of(
            ListingEntry.directory("python/"),
            ListingEntry.directory("python/with space/"),
            ListingEntry.file("python/with space/a file.txt", 12, 14),
            ListingEntry.file("python/tab\there.py", 0, 2),
            ListingEntry.file("python/back\\slash\\t.py", 5, 7),
            ListingEntry.file("python/new\nline\r.py", 1, 3),
            ListingEntry.file("python/ünïcødé-数据.json", 1_000_000_000_000L, 123_456),
            ListingEntry.symlink("python/lib.so", "../libs/lib with space.so.1", 30),
            ListingEntry.file("python/#not-a-comment", 1, 3)));

    @Test
    void writesThenReadsTheSameListing() throws IOException {
        Path file = tmp.resolve("awkward.listing");
        ListingWriter.write(AWKWARD, file);
        assertThat(ListingReader.read(file)).isEqualTo(AWKWARD);
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
        assertThat(text.lines().filter(l -> !l.startsWith("#"))).hasSize(AWKWARD.entries().size());
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

    @Test
    void aFileWithoutTheVersionLineIsRefusedAtLineOne() throws IOException {
        Path file = tmp.resolve("old.listing");
        Files.writeString(file, "# layerfit listing v2\nf\t1\t1\ta\n");
        assertThatThrownBy(() -> ListingReader.read(file)).isInstanceOf(BadListingException.class)
                .hasMessageStartingWith("old.listing:1: the first line must be '# layerfit listing v1'");
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
