package dev.layerfit.cli;

import picocli.CommandLine.Command;

/** {@code layerfit layers list|prune}: the published versions of layers. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = "Lists and prunes published Lambda layer versions.",
        subcommands = {LayersListCommand.class, LayersPruneCommand.class})
public final class LayersCommand {
}
