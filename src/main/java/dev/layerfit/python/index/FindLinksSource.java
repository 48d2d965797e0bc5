package dev.layerfit.python.index;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.ProjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@code --find-links} location: a folder (every wheel and sdist in it), a local HTML file, or an http(s) page;
 * every linked file is a candidate for the project its file name names.
 */
final class FindLinksSource implements DistributionSource {

    private final String label;
    private final Supplier<List<IndexFile>> allFiles;
    private final OnceMap<String, List<IndexFile>> once = new OnceMap<>();

    private FindLinksSource(String label, Supplier<List<IndexFile>> allFiles) {
        this.label = label;
        this.allFiles = allFiles;
    }

    /** A find-links value as pip takes it: a path (folder or HTML file), a file: URL or an http(s) URL. */
    static FindLinksSource of(String location, HttpTransport http) {
        String label = RedactedUrl.of(location);
        if (location.startsWith("http://") || location.startsWith("https://")) {
            URI url = URI.create(location);
            http.learnCredentials(url);
            return new FindLinksSource(label, () -> {
                HttpTransport.Response r = http.get(url, Map.of("Accept", "text/html"), TransferStats.Purpose.PAGE);
                if (r.status() != 200) {
                    throw SimpleIndexSource.unexpected(url, r.status());
                }
                return SimplePageParser.parseHtml("", new String(r.body(), StandardCharsets.UTF_8), r.raw().uri(), label).files();
            });
        }
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location).toAbsolutePath();
        return new FindLinksSource(label, () -> readLocal(path, label));
    }

    private static List<IndexFile> readLocal(Path path, String label) {
        try {
            if (Files.isDirectory(path)) {
                List<IndexFile> files = new ArrayList<>();
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(Files::isRegularFile).filter(p -> isDistribution(p.getFileName().toString())).sorted()
                            .forEach(p -> files.add(new IndexFile(p.getFileName().toString(), p.toUri(), null, null, false,
                                    null, false, null, label)));
                }
                return files;
            }
            if (Files.isRegularFile(path)) {
                return SimplePageParser.parseHtml("", dev.layerfit.io.InputFiles.readUtf8(path, "the find-links page"), path.toUri(), label).files();
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the find-links location " + path, e);
        }
    }

    private static boolean isDistribution(String name) {
        return name.endsWith(".whl") || name.endsWith(".tar.gz") || name.endsWith(".zip");
    }

    private List<IndexFile> all() {
        return once.get("", allFiles);
    }

    @Override
    public Optional<List<IndexFile>> files(String project) {
        List<IndexFile> matching = all().stream().filter(f -> project.equals(projectOf(f.filename()))).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching);
    }

    @Override
    public List<String> projectNames() {
        return all().stream().map(f -> projectOf(f.filename())).filter(n -> n != null).distinct().toList();
    }

    @Override
    public String label() {
        return label;
    }

    /** The normalised project a distribution file name belongs to, or null when it names none. */
    static String projectOf(String filename) {
        if (filename.endsWith(".whl")) {
            int dash = filename.indexOf('-');
            return dash > 0 ? ProjectName.canonicalize(filename.substring(0, dash)) : null;
        }
        String stem = filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7)
                : filename.endsWith(".zip") ? filename.substring(0, filename.length() - 4) : null;
        if (stem == null) {
            return null;
        }
        int dash = stem.lastIndexOf('-');
        if (dash <= 0 || Version.tryParse(stem.substring(dash + 1)).isEmpty()) {
            return null;
        }
        return ProjectName.canonicalize(stem.substring(0, dash));
    }
}
