package dev.layerfit.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command; its subcommands are added by {@link CommandTree} (only the one a run needs). Its model is built
 * in code: every run builds it, and reading annotations costs start-up (see {@link OptionSpecs}).
 */
final class LayerfitCommand {

    private LayerfitCommand() {
    }

    /** The root's picocli model. */
    static CommandSpec model() {
        CommandSpec spec = OptionSpecs.command(new LayerfitCommand(), "layerfit", null,
                new String[] {"Makes AWS Lambda deployments fit: measures a function and its layers exactly as AWS counts them,"
                    + " explains what takes the space, and says what to change before a deploy fails."},
                "", "Examples:",
                "  layerfit check examples/seed-app --stage prod   # exits 1: it does not fit",
                "  layerfit analyze examples/seed-app/layers/numpy.listing --top 5",
                "  layerfit completion bash > ~/.local/share/bash-completion/completions/layerfit",
                "", "Run 'layerfit COMMAND --help' for a command's options.");
        spec.versionProvider(new VersionProvider());
        return spec;
    }
}
