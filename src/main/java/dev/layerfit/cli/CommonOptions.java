package dev.layerfit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Options every command accepts (an {@link OptionGroup}).
 */
public final class CommonOptions implements OptionGroup {

    boolean json;
    boolean quiet;
    boolean verbose;
    boolean debug;

    @Override
    public CommandSpec mixin(CommandSpec command) {
        CommandSpec mixin = OptionSpecs.mixin();
        mixin.addOption(OptionSpecs.flag("Machine-readable JSON on stdout (and nothing else on stdout).", v -> json = v, "--json"));
        mixin.addOption(OptionSpecs.flag("Print only the verdict (the last line) and errors.", v -> quiet = v, "-q", "--quiet"));
        mixin.addOption(OptionSpecs.flag("Also say on stderr how long the command took and on what Java.", v -> verbose = v,
                "-v", "--verbose"));
        mixin.addOption(OptionSpecs.flag("Show stack traces and diagnostic detail on errors.", v -> debug = v, "--debug"));
        mixin.addOption(OptionSpecs.value(String.class, "SECONDS",
                "Give up on a server that does not connect or send data for this long (default 15; "
                        + "a whole request stops after 10 times this). Also LAYERFIT_TIMEOUT.",
                seconds -> timeout(seconds, command), "--timeout"));
        return mixin;
    }

    /** {@code --timeout SECONDS}: the HTTP policy's connect and read timeouts for this run (see HttpPolicy). */
    private static void timeout(String seconds, CommandSpec command) {
        try {
            dev.layerfit.http.HttpPolicy.use(dev.layerfit.http.HttpPolicy.withTimeout(dev.layerfit.http.HttpPolicy.parseSeconds(seconds)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--timeout: " + e.getMessage());
        }
    }

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
