package dev.layerfit.cli;

import dev.layerfit.deployment.DeploymentReaders;
import dev.layerfit.project.chalice.ChaliceReader;
import java.util.List;

/** The framework readers {@code check} chooses from (one line per framework). */
final class KnownReaders {

    private KnownReaders() {
    }

    static DeploymentReaders all() {
        return new DeploymentReaders(List.of(
                new ChaliceReader()));
    }
}
