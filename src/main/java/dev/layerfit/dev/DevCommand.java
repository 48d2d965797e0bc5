package dev.layerfit.dev;

import dev.layerfit.cli.TrainStartupCommand;
import picocli.CommandLine.Command;

/** Hidden commands for layerfit's own development (conformance runs and the like). */
@Command(name = "dev", hidden = true, mixinStandardHelpOptions = true,
        description = "Commands for layerfit's own development.",
        subcommands = {RecordListingCommand.class, ConformanceCommand.class, TrainStartupCommand.class})
public final class DevCommand {
}
