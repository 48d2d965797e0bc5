package dev.layerfit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Builds the command tree for one run. Picocli reads every subcommand's annotations (and loads the types they
 * name: Jackson, the AWS SDK's...) when a command is added, so only the command the arguments name is added;
 * the whole tree only for help, completion, a mistyped command (to suggest the right one) or no command at all.
 * Every command then gets the same help shape: width of the terminal (80 columns when not a terminal), the
 * description as wrapped paragraphs, and the exit codes.
 */
final class CommandTree {

    /**
     * The subcommands, in the order the root help lists them: an annotated command's class (a class literal is loaded
     * but not linked, so the types its code uses load only when it runs), or how to build a model defined in code.
     */
    private static final Map<String, Object> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("check", CheckCommand.class);
        COMMANDS.put("audit", AuditCommand.class);
        COMMANDS.put("analyze", (Supplier<CommandSpec>) AnalyzeCommand::model);
        COMMANDS.put("explain", ExplainCommand.class);
        COMMANDS.put("resolve", (Supplier<CommandSpec>) ResolveCommand::model);
        COMMANDS.put("build", BuildCommand.class);
        COMMANDS.put("plan", PlanCommand.class);
        COMMANDS.put("merge", MergeCommand.class);
        COMMANDS.put("dockerfile", DockerfileCommand.class);
        COMMANDS.put("publish", PublishCommand.class);
        COMMANDS.put("layers", LayersCommand.class);
        COMMANDS.put("completion", CompletionCommand.class);
    }

    /** The exit codes every command's help lists (the README's table); a command may word them for itself. */
    static final List<String> EXIT_CODES = List.of(
            "0:success; the deployment fits",
            "1:a limit is exceeded, or a check failed",
            "2:bad usage or bad input",
            "3:network or AWS failure");

    private static final int NOT_A_TERMINAL_WIDTH = 80;

    private CommandTree() {
    }

    /** The tree {@code args} needs: the root and the one command they name, or everything. */
    static CommandLine forArgs(String[] args) {
        CommandLine root = new CommandLine(LayerfitCommand.model(), LazyDefaultFactory.INSTANCE);
        String first = firstCommandWord(args);
        boolean whole = false;
        if (first != null && COMMANDS.containsKey(first)) {
            add(root, first, COMMANDS.get(first));
        } else if (first != null && first.equals("dev")) {
            addDev(root);
        } else if (!(first == null && ToolVersion.onlyAsked(args))) {
            addAll(root);
            whole = true;
        }
        prepare(root, root.getCommandSpec().versionProvider());
        if (whole || asksForHelp(args)) {
            // shaping every text of the help costs a run that prints none of it ~5% of a warm resolve
            shapeHelp(root);
        }
        return root;
    }

    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /** What every run needs: the shared option groups, and layerfit's version behind every command's -V. */
    private static void prepare(CommandLine cl, CommandLine.IVersionProvider version) {
        addSharedOptions(cl);
        // every command's -V prints layerfit's version (picocli gives a subcommand none of its own)
        cl.getCommandSpec().versionProvider(version);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) {
                prepare(sub, version);
            }
        }
    }

    /** The whole tree (completion scripts are generated from it). */
    static CommandLine full() {
        CommandLine root = new CommandLine(LayerfitCommand.model(), LazyDefaultFactory.INSTANCE);
        addAll(root);
        prepare(root, root.getCommandSpec().versionProvider());
        shapeHelp(root);
        return root;
    }

    /** The names of the commands (for suggestions). */
    static List<String> names() {
        return new ArrayList<>(COMMANDS.keySet());
    }

    private static void addAll(CommandLine root) {
        COMMANDS.forEach((name, type) -> add(root, name, type));
        addDev(root);
    }

    /** A command: its model built in code when it has one (see {@link OptionSpecs}), else read from its annotations. */
    private static void add(CommandLine root, String name, Object command) {
        root.addSubcommand(name, command instanceof Supplier<?> model ? model.get() : command);
    }

    /**
     * The hidden {@code dev} commands live in {@code dev.layerfit.dev}, which the product never imports; they are
     * added by name when that package is on the class path.
     */
    private static void addDev(CommandLine root) {
        try {
            Object dev = Class.forName("dev.layerfit.dev.DevCommand").getDeclaredConstructor().newInstance();
            root.addSubcommand("dev", dev);
        } catch (ReflectiveOperationException | LinkageError e) {
            // a build without the development commands
        }
    }

    private static String firstCommandWord(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static void shapeHelp(CommandLine root) {
        int width = helpWidth();
        shape(root, width);
    }

    /** The help's shape: the terminal's width, wrapped paragraphs and examples, the exit codes, -h and -V last. */
    private static void shape(CommandLine cl, int width) {
        CommandSpec spec = cl.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        usage.width(width);
        usage.autoWidth(false);
        usage.description(paragraphs(usage.description()));
        usage.footer(continued(usage.footer(), width));
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(exitCodes(usage.exitCodeList()));
        List<OptionSpec> options = new ArrayList<>(spec.options());
        // -h and -V last, after the shared options added above
        List<OptionSpec> ordered = new ArrayList<>(options.stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList());
        options.stream().filter(o -> o.usageHelp() || o.versionHelp()).forEach(ordered::add);
        if (!ordered.equals(options) || options.stream().anyMatch(o -> paragraphs(o.description()).length != o.description().length)) {
            // options are immutable once built: equal ones with joined descriptions take their places, in order
            options.forEach(spec::remove);
            ordered.forEach(o -> spec.addOption(o.toBuilder().description(paragraphs(o.description())).build()));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) {
                shape(sub, width);
            }
        }
    }

    /** The option groups defined in code that the command takes, after its own options. */
    private static void addSharedOptions(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (cl.getCommand() instanceof HasOptionGroups command) {
            for (OptionGroup group : command.optionGroups()) {
                String name = group.getClass().getSimpleName();
                if (!spec.mixins().containsKey(name)) {
                    spec.addMixin(name, group.mixin(spec));
                }
            }
        }
    }

    /** Every standard code, in the command's own words where it has them. */
    static Map<String, String> exitCodes(Map<String, String> own) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : EXIT_CODES) {
            int colon = line.indexOf(':');
            String code = line.substring(0, colon);
            codes.put(code, own.getOrDefault(code, line.substring(colon + 1)));
        }
        own.forEach(codes::putIfAbsent);
        return codes;
    }

    /**
     * Source lines of a description joined into paragraphs so that picocli wraps them at the help width (they
     * were broken by hand at ~110 columns). An empty line ends a paragraph; a line starting with a space or
     * "- " (a list item) starts a new one.
     */
    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            boolean breakBefore = line.isEmpty() || line.startsWith(" ") || line.startsWith("- ") || line.startsWith("%n");
            if (current != null && !breakBefore) {
                current.append(' ').append(line.strip());
                continue;
            }
            if (current != null) {
                out.add(current.toString());
            }
            if (line.isEmpty()) {
                out.add("");
                current = null;
            } else {
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out.toArray(String[]::new);
    }

    /**
     * Example lines longer than the help is wide, broken at a space with a shell line continuation (as one
     * would type them), so picocli does not wrap them mid-word. A comment at the end of a line too long goes on a
     * line of its own above it (a continuation inside a comment would not continue the command).
     */
    static String[] continued(String[] footer, int width) {
        List<String> out = new ArrayList<>();
        for (String line : footer) {
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String rest = line;
            int comment = rest.indexOf(" # ");
            if (rest.length() > width && comment > indent.length() && !rest.endsWith("\\")) {
                out.add(indent + rest.substring(comment + 1).strip());
                rest = rest.substring(0, comment).stripTrailing();
            }
            while (rest.length() > width && !rest.endsWith("\\")) {
                int cut = rest.lastIndexOf(' ', width - 2);
                if (cut <= indent.length() + 4) {
                    break;
                }
                out.add(rest.substring(0, cut) + " \\");
                rest = indent + "    " + rest.substring(cut + 1).stripLeading();
            }
            out.add(rest);
        }
        return out.toArray(String[]::new);
    }

    /** The terminal's width ($COLUMNS, else what the terminal reports); 80 columns when not a terminal. */
    static int helpWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Math.max(55, Integer.parseInt(columns));
        }
        if (System.console() == null) {
            return NOT_A_TERMINAL_WIDTH;
        }
        UsageMessageSpec probe = new UsageMessageSpec().autoWidth(true);
        return Math.max(55, probe.width());
    }
}
