package dev.layerfit.cli;

import dev.layerfit.error.ExceptionWords;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.text.TerminalText;
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
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        // the one redaction rule on everything printed, whichever code printed it
        PrintWriter out = new PrintWriter(new dev.layerfit.text.RedactingWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new dev.layerfit.text.RedactingWriter(rawErr), true);
        boolean debug = Arrays.asList(args).contains("--debug");
        dev.layerfit.io.InputFiles.reset();
        dev.layerfit.http.HttpPolicy.use(dev.layerfit.http.HttpPolicy.fromEnvironment());
        CommandLine cli = new CommandLine(new LayerfitCommand());
        addDevCommands(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("layerfit: " + say(ex.getMessage()));
            err.println("Run 'layerfit " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            LayerfitException lf = layerfitCause(ex);
            if (lf != null) {
                err.println("layerfit: " + say(lf.getMessage()));
                return lf.kind().exitCode();
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException
                    || ex instanceof java.nio.file.InvalidPathException) {
                err.println("layerfit: " + say(ExceptionWords.describe(ex)));
                return ExitCodes.BAD_INPUT;
            }
            err.println("layerfit: internal error: " + say(ExceptionWords.describe(ex))
                    + (debug ? "" : " (run again with --debug for details)"));
            return ExitCodes.INTERNAL;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // no recursion on user-controlled depth is meant to get here; this is the last guard
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("layerfit: " + ExceptionWords.describe(e) + "; simplify the input, then run again");
            code = ExitCodes.BAD_INPUT;
        }
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

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** A LayerfitException as the failure or the cause of a wrapper (a worker thread's, an unchecked IO one). */
    private static LayerfitException layerfitCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof LayerfitException lf) {
                return lf;
            }
            if (!(t instanceof java.io.UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                    || t instanceof java.util.concurrent.CompletionException || t instanceof picocli.CommandLine.ExecutionException)) {
                return null;
            }
        }
        return null;
    }

    /**
     * A message as the terminal gets it: the one redaction rule (no credentials), no Java class names, control
     * characters escaped, echoed input cut short.
     */
    static String say(String message) {
        return TerminalText.message(ExceptionWords.strip(message == null ? "an unexpected failure" : message));
    }
}
