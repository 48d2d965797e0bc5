package dev.layerfit.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import dev.layerfit.listing.Listing;
import dev.layerfit.listing.ListingEntry;
import dev.layerfit.listing.ListingReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command as {@code layerfit dev record-listing}, through the command tree that adds its shared options. */
class RecordListingCommandTest {

    @TempDir
    Path tmp;

    private static int run(StringWriter out, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "dev";
        all[1] = "record-listing";
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun run = CliRun.of(all);
        out.write(run.out());
        return run.exitCode();
    }

    @Test
    void recordsAFolderWithHeaderAndSummary() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("layer/python/pkg"));
        Files.writeString(folder.resolve("mod.py"), "x = 1\n");
        Path info = Files.createDirectories(tmp.resolve("layer/python/pkg-1.0.dist-info"));
        Files.writeString(info.resolve("RECORD"), "pkg/mod.py,,\n");
        Path output = tmp.resolve("out/layer.listing");
        StringWriter out = new StringWriter();
        int code = run(out, tmp.resolve("layer").toString(), "-o", output.toString(), "--source", "a test",
                "--no-directories", "--json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"files\":2", "\"keptContentFiles\":1", "\"unzippedBytes\":19");
        Listing listing = ListingReader.read(output);
        assertThat(listing.entries()).extracting(ListingEntry::path).containsExactly("python/pkg/mod.py", "python/pkg-1.0.dist-info/RECORD");
        assertThat(listing.entries().get(1).content().bytes()).asString().isEqualTo("pkg/mod.py,,\n");
        assertThat(listing.comments()).contains("recorded-from: a test")
                .anyMatch(c -> c.startsWith("recorded-by: layerfit dev record-listing --no-directories"));
    }
}
