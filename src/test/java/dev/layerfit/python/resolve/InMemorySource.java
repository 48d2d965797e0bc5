package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Requirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A package source held in memory for resolver tests; counts metadata calls. */
final class InMemorySource implements PackageSource {

    private final Map<String, List<Candidate>> versions = new LinkedHashMap<>();
    private final Map<String, Dependencies> metadata = new HashMap<>();
    int metadataCalls;
    /** The projects whose versions were asked for, in order. */
    final java.util.List<String> listed = new java.util.ArrayList<>();

    /** Adds {@code name version} with one py3-none-any wheel and the given Requires-Dist lines. */
    InMemorySource add(String name, String version, String... requires) {
        return addFiles(name, version, null, List.of(wheel(name, version, "py3-none-any", false)), requires);
    }

    InMemorySource addFiles(String name, String version, String requiresPython, List<DistributionFile> files,
                            String... requires) {
        versions.computeIfAbsent(name, k -> new ArrayList<>()).add(new Candidate(Version.parse(version), files));
        List<Requirement> reqs = new ArrayList<>();
        for (String r : requires) {
            reqs.add(Requirement.parse(r));
        }
        metadata.put(name + "==" + Version.parse(version), new Dependencies(reqs, requiresPython));
        return this;
    }

    static DistributionFile wheel(String name, String version, String tag, boolean yanked) {
        String file = name.replace('-', '_') + "-" + version + "-" + tag + ".whl";
        return new DistributionFile(file, "https://files.example/" + file, "00", null, yanked);
    }

    static DistributionFile sdist(String name, String version) {
        String file = name + "-" + version + ".tar.gz";
        return new DistributionFile(file, "https://files.example/" + file, null, null, false);
    }

    @Override
    public List<Candidate> versions(String normalizedName) {
        listed.add(normalizedName);
        return versions.getOrDefault(normalizedName, List.of());
    }

    @Override
    public Dependencies metadata(String normalizedName, Version version) {
        metadataCalls++;
        return metadata.get(normalizedName + "==" + version);
    }
}
