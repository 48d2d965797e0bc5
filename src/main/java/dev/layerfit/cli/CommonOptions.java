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

    /** {@code --timeout SECONDS}: the HTTP policy's connect and read timeouts for this run (see HttpPolicy). */
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up on a server that does not connect or send data for this long (default 15; "
                    + "a whole request stops after 10 times this). Also LAYERFIT_TIMEOUT.")
    void timeout(String seconds) {
        try {
            dev.layerfit.http.HttpPolicy.use(dev.layerfit.http.HttpPolicy.withTimeout(dev.layerfit.http.HttpPolicy.parseSeconds(seconds)));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
        }
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

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
