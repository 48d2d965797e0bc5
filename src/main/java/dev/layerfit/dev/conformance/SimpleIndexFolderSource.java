package dev.layerfit.dev.conformance;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ZipIndex;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.resolve.Candidate;
import dev.layerfit.python.resolve.Dependencies;
import dev.layerfit.python.resolve.DistributionFile;
import dev.layerfit.python.resolve.PackageSource;
import dev.layerfit.python.tags.WheelFilename;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PackageSource} over a local PEP 503 index folder as {@link PackseIndexWriter} writes it: files
 * from {@code <project>/index.html} anchors (with {@code data-requires-python} and {@code data-yanked}),
 * metadata read from each wheel's {@code .dist-info/METADATA} through {@link ZipIndex}. Only the anchor
 * form that writer produces is understood; the real index client handles arbitrary indexes.
 */
final class SimpleIndexFolderSource implements PackageSource {

    private static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"#]+)(?:#sha256=([0-9a-f]+))?\"([^>]*)>");
    private static final Pattern REQUIRES_PYTHON = Pattern.compile("data-requires-python=\"([^\"]*)\"");
    private static final Pattern SDIST = Pattern.compile("(.+)-([^-]+)\\.tar\\.gz");

    private final Path root;
    private final Map<String, Path> wheelByVersion = new LinkedHashMap<>();
    private final Map<String, Path> sdistByVersion = new LinkedHashMap<>();

    private final java.util.Set<String> noBuild;

    SimpleIndexFolderSource(Path root) {
        this(root, java.util.Set.of());
    }

    /** {@code noBuild}: normalised names whose sdists may not be used (packse's {@code no_build}, pip's --only-binary). */
    SimpleIndexFolderSource(Path root, java.util.Set<String> noBuild) {
        this.root = root;
        this.noBuild = noBuild;
    }

    @Override
    public List<Candidate> versions(String normalizedName) {
        Path page = root.resolve(normalizedName).resolve("index.html");
        if (!Files.isRegularFile(page)) {
            return List.of();
        }
        String html;
        try {
            html = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Version, List<DistributionFile>> byVersion = new LinkedHashMap<>();
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            String file = m.group(1);
            Matcher rp = REQUIRES_PYTHON.matcher(m.group(3));
            DistributionFile df = new DistributionFile(file, page.getParent().resolve(file).toUri().toString(),
                    m.group(2), rp.find() ? unescape(rp.group(1)) : null, m.group(3).contains("data-yanked"));
            Version version;
            if (file.endsWith(".whl")) {
                version = WheelFilename.parse(file).version();
                wheelByVersion.putIfAbsent(normalizedName + "==" + version, page.getParent().resolve(file));
            } else {
                Matcher s = SDIST.matcher(file);
                if (!s.matches()) {
                    continue;
                }
                version = Version.parse(s.group(2));
                sdistByVersion.putIfAbsent(normalizedName + "==" + version, page.getParent().resolve(file + ".metadata"));
            }
            byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(df);
        }
        List<Candidate> out = new ArrayList<>();
        byVersion.forEach((v, files) -> out.add(new Candidate(v, files)));
        return out;
    }

    /** sdists are usable: their static metadata stands for the built wheel's, as a local build would give it. */
    @Override
    public boolean buildsSdists(String normalizedName) {
        return !noBuild.contains(normalizedName) && !noBuild.contains(":all:");
    }

    @Override
    public Dependencies metadata(String normalizedName, Version version) {
        Path wheel = wheelByVersion.get(normalizedName + "==" + version);
        if (wheel == null) {
            Path sdistMetadata = sdistByVersion.get(normalizedName + "==" + version);
            if (sdistMetadata == null || !Files.isRegularFile(sdistMetadata)) {
                return new Dependencies(List.of(), null);
            }
            try {
                return parse(Files.readString(sdistMetadata, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (ZipIndex zip = ZipIndex.open(wheel)) {
            for (ArchiveEntry e : zip.entries()) {
                if (e.name().endsWith(".dist-info/METADATA") && e.name().indexOf('/') == e.name().length() - 9) {
                    return parse(new String(zip.read(e.name()), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(wheel + " has no .dist-info/METADATA");
    }

    /** The core metadata headers the resolver needs (one header per line; no folded lines in our wheels). */
    private static Dependencies parse(String metadata) {
        List<Requirement> requires = new ArrayList<>();
        String requiresPython = null;
        for (String line : metadata.split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith("Requires-Dist:")) {
                requires.add(Requirement.parse(line.substring(14).trim()));
            } else if (line.startsWith("Requires-Python:")) {
                requiresPython = line.substring(16).trim();
            }
        }
        return new Dependencies(requires, requiresPython);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
