package dev.layerfit.cli;

import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(name = "layerfit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Makes AWS Lambda deployments fit: measures a function and its layers exactly as AWS counts them,%n"
                + "explains what takes the space, and says what to change before a deploy fails.",
        subcommands = {
            CheckCommand.class,
            AuditCommand.class,
            AnalyzeCommand.class,
            ExplainCommand.class,
            ResolveCommand.class,
            BuildCommand.class,
            PlanCommand.class,
            MergeCommand.class,
            DockerfileCommand.class,
            PublishCommand.class,
            LayersCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or the deployment fits",
            "1:a limit is exceeded or a check failed",
            "2:bad usage or bad input",
            "3:network or AWS failure"})
public final class LayerfitCommand {
}
