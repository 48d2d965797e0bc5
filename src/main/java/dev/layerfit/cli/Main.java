package dev.layerfit.cli;

import dev.layerfit.error.ExceptionWords;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.io.StandardOutput;
import dev.layerfit.text.TerminalText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: runs a command and turns every failure into one sentence and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code == ExitCodes.OK && onlyDaemonThreadsLeft()) {
            // the JVM exits 0 when main returns, running the same shutdown hooks; System.exit would first look up a
            // logger for Runtime.exit, and finding none scans the jar for a logging backend (~8 ms of a warm resolve)
            return;
        }
        System.exit(code);
    }

    /** Whether returning from main ends the JVM: no other thread that is not a daemon is alive. */
    private static boolean onlyDaemonThreadsLeft() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.currentThread().getThreadGroup().enumerate(threads);
        for (int i = 0; i < n; i++) {
            if (threads[i] != Thread.currentThread() && threads[i].isAlive() && !threads[i].isDaemon()) {
                return false;
            }
        }
        return n < threads.length;
    }

    /** Runs layerfit in-process with the given streams; returns the exit code. Used by tests too. */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        if (ToolVersion.onlyAsked(args)) {
            // picocli's first command model costs ~0.1 s of CPU at start (its Java 5 classes, annotation proxies,
            // type converters); the version needs none of it: the same lines picocli's --version prints (nothing
            // in them to redact)
            for (String line : ToolVersion.lines()) {
                rawOut.println(line);
            }
            rawOut.flush();
            return ExitCodes.OK;
        }
        long started = System.nanoTime();
        // the one redaction rule on everything printed, whichever code printed it
        PrintWriter out = new PrintWriter(new dev.layerfit.text.RedactingWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new dev.layerfit.text.RedactingWriter(rawErr), true);
        List<String> argList = Arrays.asList(args);
        boolean debug = argList.contains("--debug");
        boolean quiet = (argList.contains("--quiet") || argList.contains("-q")) && !argList.contains("--json");
        boolean verbose = argList.contains("--verbose") || argList.contains("-v");
        boolean json = argList.contains("--json");
        dev.layerfit.io.InputFiles.reset();
        dev.layerfit.http.HttpPolicy.use(dev.layerfit.http.HttpPolicy.fromEnvironment());
        CommandLine cli = CommandTree.forArgs(args);
        RunOutput streams = new RunOutput(out, err, quiet);
        cli.setOut(streams.out());
        cli.setErr(streams.err());
        cli.setParameterExceptionHandler((reported, a) -> {
            // picocli reports missing required options before unknown ones: a mistyped --keep would read "missing --keep"
            CommandLine.ParameterException ex = reported instanceof CommandLine.MissingParameterException
                    ? unknownOption(reported.getCommandLine(), a).orElse(reported) : reported;
            PrintWriter e = streams.err();
            String message = say(ex instanceof UnmatchedArgumentException u ? unmatched(u) : ex.getMessage());
            e.println("layerfit: " + message);
            e.println("Run 'layerfit " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            jsonError(json, out, message, ExitCodes.BAD_INPUT);
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = streams.err();
            if (debug) {
                ex.printStackTrace(e);
            }
            LayerfitException lf = layerfitCause(ex);
            if (lf != null) {
                String message = say(lf.getMessage());
                e.println("layerfit: " + message);
                jsonError(json, out, message, lf.kind().exitCode());
                return lf.kind().exitCode();
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException
                    || ex instanceof java.nio.file.InvalidPathException) {
                String message = say(ExceptionWords.describe(ex));
                e.println("layerfit: " + message);
                jsonError(json, out, message, ExitCodes.BAD_INPUT);
                return ExitCodes.BAD_INPUT;
            }
            String message = "internal error: " + say(ExceptionWords.describe(ex));
            e.println("layerfit: " + message + (debug ? "" : " (run again with --debug for details)"));
            jsonError(json, out, message, ExitCodes.INTERNAL);
            return ExitCodes.INTERNAL;
        });
        int code;
        try (StandardOutput.Scope ignored = StandardOutput.open(out)) {
            code = cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // no recursion on user-controlled depth is meant to get here; this is the last guard
            if (debug) {
                e.printStackTrace(err);
            }
            String message = ExceptionWords.describe(e) + "; simplify the input, then run again";
            err.println("layerfit: " + message);
            jsonError(json, out, message, ExitCodes.BAD_INPUT);
            code = ExitCodes.BAD_INPUT;
        }
        streams.finish();
        if (verbose) {
            err.println("layerfit: exit code " + code + " after " + (System.nanoTime() - started) / 1_000_000 + " ms (Java "
                    + System.getProperty("java.version") + ", " + System.getProperty("java.home") + ")");
        }
        out.flush();
        err.flush();
        return code;
    }

    /** An unknown command or option, with the closest known one ("did you mean"). */
    static String unmatched(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        String word = unmatched.isEmpty() ? "" : unmatched.get(0);
        List<String> suggestions = u.getSuggestions();
        boolean option = word.startsWith("-");
        boolean command = !option && !u.getCommandLine().getSubcommands().isEmpty();
        String what = option ? "unknown option '" + word + "'"
                : command ? "unknown command '" + word + "'" : "unexpected argument '" + word + "'";
        if (!suggestions.isEmpty() && (option || command)) {
            return what + "; did you mean '" + suggestions.get(0) + "'?";
        }
        if (command) {
            // the commands of the command it was given to (layers: list, prune), hidden ones left out
            List<String> names = u.getCommandLine().getParent() == null ? CommandTree.names()
                    : u.getCommandLine().getSubcommands().entrySet().stream()
                            .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()
                                    && e.getKey().equals(e.getValue().getCommandName()))
                            .map(java.util.Map.Entry::getKey).toList();
            return what + "; the commands are " + String.join(", ", names);
        }
        return what;
    }

    /** The first argument that looks like an option but is none of this command's (or its parents'), if any. */
    static java.util.Optional<CommandLine.ParameterException> unknownOption(CommandLine cl, String[] args) {
        for (String arg : args) {
            if (arg.length() < 2 || !arg.startsWith("-") || arg.equals("--") || arg.matches("-\\d.*")) {
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean known = false;
            for (CommandLine c = cl; c != null && !known; c = c.getParent()) {
                known = c.getCommandSpec().findOption(name) != null
                        // clustered short options (-qv) or a short option with its value (-ofile)
                        || !name.startsWith("--") && c.getCommandSpec().findOption(name.substring(0, 2)) != null;
            }
            if (!known) {
                return java.util.Optional.of(new UnmatchedArgumentException(cl, List.of(arg)));
            }
        }
        return java.util.Optional.empty();
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
