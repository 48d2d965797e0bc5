package dev.layerfit.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
public final class CommonOptions {

    @Option(names = "--json", description = "Machine-readable JSON on stdout (and nothing else on stdout).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict (the last line) and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also say on stderr how long the command took and on what Java.")
    boolean verbose;

    @Option(names = "--debug", description = "Show stack traces and diagnostic detail on errors.")
    boolean debug;

    public boolean json() {
        return json;
    }

    public boolean debug() {
        return debug;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }
}
