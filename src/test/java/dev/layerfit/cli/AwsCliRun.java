package dev.layerfit.cli;

import dev.layerfit.CliRun;
import dev.layerfit.error.LayerfitException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Runs the CLI in-process with {@code publish} and {@code layers} available: through {@link CliRun} once they are
 * registered in {@link LayerfitCommand}, until then on a root with them added (same error handling as {@link Main}).
 */
final class AwsCliRun {

    private AwsCliRun() {
    }

    static CliRun of(String... args) {
        CommandLine probe = new CommandLine(new LayerfitCommand());
        if (probe.getSubcommands().containsKey("publish") && probe.getSubcommands().containsKey("layers")) {
            return CliRun.of(args);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new LayerfitCommand());
        cli.addSubcommand(new PublishCommand());
        cli.addSubcommand(new LayersCommand());
        cli.setOut(o);
        cli.setErr(e);
        cli.setParameterExceptionHandler((ex, a) -> {
            e.println("layerfit: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, p) -> {
            if (debug) {
                ex.printStackTrace(e);
            }
            if (ex instanceof LayerfitException lf) {
                e.println("layerfit: " + lf.getMessage());
                return lf.kind().exitCode();
            }
            e.println("layerfit: internal error: " + ex);
            return ExitCodes.INTERNAL;
        });
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
