package dev.layerfit.cli;

import picocli.CommandLine.Command;

/** {@code layerfit layers list|prune}: the published versions of layers. */
@Command(name = "layers",
        header = "List and prune published layer versions.", mixinStandardHelpOptions = true,
        description = "Lists and prunes published Lambda layer versions.",
        subcommands = {LayersListCommand.class, LayersPruneCommand.class})
public final class LayersCommand {
}
