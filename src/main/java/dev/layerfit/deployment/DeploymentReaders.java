package dev.layerfit.deployment;

import dev.layerfit.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The readers layerfit knows, and the choice of one for a folder. */
public final class DeploymentReaders {

    private final List<DeploymentReader> readers;

    public DeploymentReaders(List<DeploymentReader> readers) {
        this.readers = List.copyOf(readers);
    }

    public List<String> kinds() {
        return readers.stream().map(DeploymentReader::kind).toList();
    }

    /**
     * The reader for {@code dir}: the one named by {@code kind} when given, else the only one whose markers are
     * there. None, or several, is bad input naming what was found.
     */
    public DeploymentReader choose(Path dir, String kind) {
        if (kind != null) {
            return readers.stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow(() ->
                    new BadInputException("unknown --kind " + kind + ": use one of " + String.join(", ", kinds())));
        }
        if (!Files.exists(dir)) {
            throw new BadInputException(dir + " does not exist: give a project folder (or a function ARN)");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a folder: give a project folder (or a function ARN)");
        }
        List<DeploymentReader> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (DeploymentReader r : readers) {
            List<String> markers = r.markers(dir);
            if (!markers.isEmpty()) {
                found.add(r);
                seen.add(r.kind() + " (" + String.join(", ", markers) + ")");
            }
        }
        if (found.size() > 1 && found.stream().anyMatch(r -> !r.generic())) {
            for (int i = found.size() - 1; i >= 0; i--) {
                if (found.get(i).generic()) {
                    found.remove(i);
                    seen.remove(i);
                }
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new BadInputException("no Lambda deployment found in " + dir + ": expected one of "
                    + readers.stream().map(DeploymentReader::kind).collect(Collectors.joining(", "))
                    + " (e.g. .chalice/config.json, template.yaml, serverless.yml, cdk.out/, a Terraform plan JSON)");
        }
        throw new BadInputException(dir + " holds several kinds of project: " + String.join("; ", seen)
                + ": pass --kind " + found.stream().map(DeploymentReader::kind).collect(Collectors.joining("|")));
    }
}
