package dev.layerfit.cli;

import picocli.CommandLine.Command;

/** The root command; its subcommands are added by {@link CommandTree} (only the one a run needs). */
@Command(name = "layerfit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Makes AWS Lambda deployments fit: measures a function and its layers exactly as AWS counts them,"
                + " explains what takes the space, and says what to change before a deploy fails.",
        footer = {"", "Examples:",
            "  layerfit check examples/seed-app --stage prod   # exits 1: it does not fit",
            "  layerfit analyze examples/seed-app/layers/numpy.listing --top 5",
            "  layerfit completion bash > ~/.local/share/bash-completion/completions/layerfit",
            "", "Run 'layerfit COMMAND --help' for a command's options."})
public final class LayerfitCommand {
}
