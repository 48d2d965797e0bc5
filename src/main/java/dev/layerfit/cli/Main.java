package dev.layerfit.cli;

import dev.layerfit.error.LayerfitException;
import dev.layerfit.io.StandardOutput;
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
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs layerfit in-process with the given streams; returns the exit code. Used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (ToolVersion.onlyAsked(args)) {
            // picocli's first command model costs ~0.1 s of CPU at start (its Java 5 classes, annotation proxies,
            // type converters); the version needs none of it: the same lines picocli's --version prints
            for (String line : ToolVersion.lines()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        long started = System.nanoTime();
        List<String> argList = Arrays.asList(args);
        boolean debug = argList.contains("--debug");
        boolean quiet = (argList.contains("--quiet") || argList.contains("-q")) && !argList.contains("--json");
        boolean verbose = argList.contains("--verbose") || argList.contains("-v");
        boolean json = argList.contains("--json");
        CommandLine cli = CommandTree.forArgs(args);
        RunOutput streams = new RunOutput(out, err, quiet);
        cli.setOut(streams.out());
        cli.setErr(streams.err());
        cli.setParameterExceptionHandler((reported, a) -> {
            // picocli reports missing required options before unknown ones: a mistyped --keep would read "missing --keep"
            CommandLine.ParameterException ex = reported instanceof CommandLine.MissingParameterException
                    ? unknownOption(reported.getCommandLine(), a).orElse(reported) : reported;
            PrintWriter e = streams.err();
            e.println("layerfit: " + (ex instanceof UnmatchedArgumentException u ? unmatched(u) : ex.getMessage()));
            e.println("Run 'layerfit " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            jsonError(json, out, ex instanceof UnmatchedArgumentException u ? unmatched(u) : ex.getMessage(), ExitCodes.BAD_INPUT);
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = streams.err();
            if (debug) {
                ex.printStackTrace(e);
            }
            if (ex instanceof LayerfitException lf) {
                e.println("layerfit: " + lf.getMessage());
                jsonError(json, out, lf.getMessage(), lf.kind().exitCode());
                return lf.kind().exitCode();
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                e.println("layerfit: " + describe(ex));
                jsonError(json, out, describe(ex), ExitCodes.BAD_INPUT);
                return ExitCodes.BAD_INPUT;
            }
            e.println("layerfit: internal error: " + describe(ex)
                    + (debug ? "" : " (run again with --debug for details)"));
            jsonError(json, out, "internal error: " + describe(ex), ExitCodes.INTERNAL);
            return ExitCodes.INTERNAL;
        });
        int code;
        try (StandardOutput.Scope ignored = StandardOutput.open(out)) {
            code = cli.execute(args);
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

    private static String describe(Throwable ex) {
        Throwable t = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String msg = t.getMessage();
        return msg == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + msg;
    }
}
