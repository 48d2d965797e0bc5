package dev.layerfit.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.listing.Listing;
import dev.layerfit.cli.CommonOptions;
import dev.layerfit.cli.HasOptionGroups;
import dev.layerfit.cli.OptionGroup;
import dev.layerfit.cli.ExitCodes;
import dev.layerfit.listing.ListingWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code layerfit dev record-listing FOLDER -o FILE}: records a real folder as a listing (development use). */
@Command(name = "record-listing", mixinStandardHelpOptions = true,
        description = "Records FOLDER's entries (paths, sizes, deflate-6 compressed sizes) as a listing file, "
                + "with the real bytes of the metadata files the inventory reads (RECORD, top_level.txt, METADATA, "
                + "WHEEL, INSTALLER, *.egg-info files, node_modules package.json).")
public final class RecordListingCommand implements Callable<Integer>, HasOptionGroups {

    final CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The folder whose contents become the entries.")
    Path folder;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The listing to write.")
    Path output;

    @Option(names = "--source", paramLabel = "TEXT", description = "What FOLDER was made from (header comment).")
    String source;

    @Option(names = "--command", paramLabel = "TEXT", description = "How FOLDER was made (header comment).")
    String command;

    @Option(names = "--no-directories", description = "Record files only, as Chalice's packager zips them.")
    boolean noDirectories;

    @Override
    public Integer call() throws IOException {
        List<String> comments = new ArrayList<>();
        comments.add("recorded-from: " + (source != null ? source : folder.getFileName()));
        if (command != null) {
            comments.add("made-by: " + command);
        }
        comments.add("recorded-by: layerfit dev record-listing" + (noDirectories ? " --no-directories" : "")
                + " FOLDER -o " + output.getFileName());
        comments.add("date: " + LocalDate.now(ZoneOffset.UTC));
        comments.add("columns: kind size zsize path [target]  (TAB-separated); a line '=<TAB>data' after a file "
                + "holds its real bytes (base64 of raw deflate); see dev.layerfit.listing.Listing");
        Listing listing = new ListingRecorder(!noDirectories).record(folder, comments);
        ListingWriter.write(listing, output);
        String summary = String.format("%s: %d files (%d kept byte for byte), %d entries, %d bytes unzipped, "
                        + "%d bytes compressed", output, listing.fileCount(), listing.keptContentCount(),
                listing.entries().size(), listing.unzippedBytes(), listing.compressedBytes());
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("output", output.toString());
            json.put("files", listing.fileCount());
            json.put("keptContentFiles", listing.keptContentCount());
            json.put("entries", listing.entries().size());
            json.put("unzippedBytes", listing.unzippedBytes());
            json.put("zippedBytes", listing.compressedBytes());
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(json));
        } else {
            spec.commandLine().getOut().println(summary);
        }
        return ExitCodes.OK;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(common);
    }
}
