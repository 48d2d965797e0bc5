package dev.layerfit.cli;

import dev.layerfit.error.LayerfitException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: runs a command and turns every failure into one sentence and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs layerfit in-process with the given streams; returns the exit code. Used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        boolean json = Arrays.asList(args).contains("--json");
        CommandLine cli = new CommandLine(new LayerfitCommand());
        addDevCommands(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("layerfit: " + ex.getMessage());
            err.println("Run 'layerfit " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            jsonError(json, out, ex.getMessage(), ExitCodes.BAD_INPUT);
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof LayerfitException lf) {
                err.println("layerfit: " + lf.getMessage());
                jsonError(json, out, lf.getMessage(), lf.kind().exitCode());
                return lf.kind().exitCode();
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                err.println("layerfit: " + describe(ex));
                jsonError(json, out, describe(ex), ExitCodes.BAD_INPUT);
                return ExitCodes.BAD_INPUT;
            }
            err.println("layerfit: internal error: " + describe(ex)
                    + (debug ? "" : " (run again with --debug for details)"));
            jsonError(json, out, "internal error: " + describe(ex), ExitCodes.INTERNAL);
            return ExitCodes.INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The hidden {@code dev} commands live in {@code dev.layerfit.dev}, which the product never imports; they are
     * added by name when that package is on the class path.
     */
    private static void addDevCommands(CommandLine cli) {
        try {
            Object dev = Class.forName("dev.layerfit.dev.DevCommand").getDeclaredConstructor().newInstance();
            cli.addSubcommand("dev", dev);
        } catch (ReflectiveOperationException | LinkageError e) {
            // a build without the development commands
        }
    }

    /** With {@code --json}, stdout still holds JSON on an error: {@code {"error":{"message","exitCode"}}}. */
    private static void jsonError(boolean json, PrintWriter out, String message, int exitCode) {
        if (!json) {
            return;
        }
        var root = dev.layerfit.report.Json.object();
        root.putObject("error").put("message", message).put("exitCode", exitCode);
        out.println(dev.layerfit.report.Json.write(root));
        out.flush();
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    private static String describe(Throwable ex) {
        Throwable t = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String msg = t.getMessage();
        return msg == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + msg;
    }
}
