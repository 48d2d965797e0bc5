package dev.layerfit.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.archive.ArtifactContents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes files under a {@code node_modules/} site root to packages: a file belongs to the deepest
 * package folder ({@code pkg/} or {@code @scope/pkg/}, repeated after each nested {@code node_modules/})
 * that has a {@code package.json}; name and version come from that file. Without any package.json the
 * outermost package folder becomes a pseudo-distribution. A malformed package.json falls back to the
 * folder name rather than failing the whole report.
 */
final class NodeAttributor {

    /** Created on first use, so artifacts without package.json files never load Jackson. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final String NODE_MODULES = "/node_modules/";
    private static final String PACKAGE_JSON = "/package.json";

    private final ArtifactContents contents;
    private final PseudoDistributions pseudo;
    private final Set<String> packageJsons = new HashSet<>();
    private final Map<String, DistributionTally> packages = new HashMap<>();

    NodeAttributor(ArtifactContents contents, List<RootedEntry> files, PseudoDistributions pseudo) {
        this.contents = contents;
        this.pseudo = pseudo;
        for (RootedEntry f : files) {
            if (f.root().ecosystem() == Ecosystem.NODE && f.runtimePath().endsWith(PACKAGE_JSON)) {
                packageJsons.add(f.name());
            }
        }
    }

    DistributionTally attribute(RootedEntry file) {
        List<String> dirs = packageDirs(file.runtimePath());
        String prefix = file.root().prefix();
        for (int i = dirs.size() - 1; i >= 0; i--) {
            String dir = dirs.get(i);
            if (packageJsons.contains(prefix + dir + PACKAGE_JSON)) {
                return packages.computeIfAbsent(prefix + dir, k -> fromPackageJson(file.root(), dir));
            }
        }
        String name = dirs.isEmpty() ? file.runtimePath() : dirs.get(0);
        return pseudo.get(file.root(), name, AttributedBy.FOLDER);
    }

    /** The package folders a path lies in, outermost first: {@code a}, {@code a/node_modules/@s/b}, ... */
    static List<String> packageDirs(String runtimePath) {
        List<String> dirs = new ArrayList<>(2);
        int start = 0;
        while (true) {
            int end = runtimePath.indexOf('/', start);
            if (end < 0) {
                return dirs;
            }
            if (runtimePath.charAt(start) == '@') {
                end = runtimePath.indexOf('/', end + 1);
                if (end < 0) {
                    return dirs;
                }
            }
            dirs.add(runtimePath.substring(0, end));
            int nested = runtimePath.indexOf(NODE_MODULES, end);
            if (nested < 0) {
                return dirs;
            }
            start = nested + NODE_MODULES.length();
        }
    }

    private DistributionTally fromPackageJson(SiteRoot root, String dir) {
        String entry = root.prefix() + dir + PACKAGE_JSON;
        String folderName = dir.substring(dir.lastIndexOf(NODE_MODULES) < 0 ? 0 : dir.lastIndexOf(NODE_MODULES) + NODE_MODULES.length());
        byte[] bytes;
        try {
            bytes = contents.read(entry);
        } catch (IOException e) {
            throw new InventoryReadException(contents.label(), entry, e);
        }
        try {
            JsonNode json = Mapper.MAPPER.readTree(bytes);
            String name = json.path("name").asText("");
            String version = json.path("version").asText("");
            return new DistributionTally(name.isEmpty() ? folderName : name, version.isEmpty() ? null : version,
                    AttributedBy.PACKAGE_JSON, root);
        } catch (IOException malformed) {
            return new DistributionTally(folderName, null, AttributedBy.FOLDER, root);
        }
    }
}
