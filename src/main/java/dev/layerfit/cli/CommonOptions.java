package dev.layerfit.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
public final class CommonOptions {

    @Option(names = "--json", description = "Machine-readable JSON on stdout (and nothing else on stdout).")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces and diagnostic detail on errors.")
    boolean debug;

    public boolean json() {
        return json;
    }

    public boolean debug() {
        return debug;
    }
}
