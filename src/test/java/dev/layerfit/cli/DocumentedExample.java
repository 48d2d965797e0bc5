package dev.layerfit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * One {@code layerfit …} example as the README or a command's help footer shows it, with the exit code it states.
 *
 * <p>The convention (README, "Every example runs"): an example runs as written from the repository root; it exits 0
 * unless its comment says {@code exit N} or {@code exits N}; a comment holding {@code not run:} excludes it, and says
 * why. {@code ./layerfit} is the same command as {@code layerfit}. In the README, a {@code cd DIR} line runs the rest
 * of its block in that folder.
 */
record DocumentedExample(String source, String dir, String command, String comment) {

    private static final Pattern EXIT = Pattern.compile("\\bexits? (\\d)\\b");
    private static final Pattern CD = Pattern.compile("cd ([\\w./-]+)");
    private static final Pattern NOT_RUN = Pattern.compile("\\bnot run: (.+)$");

    /** The exit code the example states (0 when it states none). */
    int expectedExit() {
        Matcher m = EXIT.matcher(comment);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Why the example is not run, when its comment says so. */
    Optional<String> notRun() {
        Matcher m = NOT_RUN.matcher(comment);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The layerfit subcommand (the first word after {@code layerfit}). */
    String subcommand() {
        int at = command.indexOf("layerfit ");
        String rest = command.substring(at + "layerfit ".length()).strip();
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** Whether it talks to AWS (a deployed function, publishing, listing or auditing). */
    boolean needsAws() {
        String sub = subcommand();
        return sub.equals("publish") || sub.equals("layers") || sub.equals("audit")
                || command.contains(":function:") || command.contains("--function-name");
    }

    /** Whether it resolves requirements against a package index. */
    boolean needsIndex() {
        String sub = subcommand();
        // check too: a framework's reader builds what the framework would from requirements (sam build, ...)
        return sub.equals("resolve") || sub.equals("build") || sub.equals("plan") || sub.equals("check");
    }

    /** The examples in the {@code ```sh} blocks of a Markdown text. */
    static List<DocumentedExample> fromMarkdown(String name, String markdown) {
        List<DocumentedExample> found = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inBlock = false;
        boolean inShell = false;
        String dir = "";
        String above = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                inShell = inBlock && line.strip().equals("```sh");
                dir = "";
                continue;
            }
            if (!inShell) {
                continue;
            }
            int first = i;
            StringBuilder joined = new StringBuilder(line);
            while (joined.toString().endsWith("\\") && i + 1 < lines.length) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines[++i].strip());
            }
            Matcher cd = CD.matcher(joined.toString().strip());
            if (cd.matches()) {
                dir = dir.isEmpty() ? cd.group(1) : dir + "/" + cd.group(1);
                continue;
            }
            of(name + ":" + (first + 1), dir, joined.toString(), above).ifPresent(found::add);
            above = commentLine(joined.toString());
        }
        return found;
    }

    /** The examples in every command's help footer (the whole tree, as {@code --help} shows them). */
    static List<DocumentedExample> fromHelp(CommandLine root) {
        List<DocumentedExample> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(CommandLine cl, List<DocumentedExample> found) {
        String name = "layerfit " + cl.getCommandSpec().qualifiedName(" ").replaceFirst("^layerfit ?", "");
        String[] footer = cl.getCommandSpec().usageMessage().footer();
        String above = "";
        for (int i = 0; i < footer.length; i++) {
            StringBuilder joined = new StringBuilder(footer[i]);
            while (joined.toString().endsWith("\\") && i + 1 < footer.length) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(footer[++i].strip());
            }
            of(name.strip() + " --help", "", joined.toString(), above).ifPresent(found::add);
            above = commentLine(joined.toString());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, found);
            }
        }
    }

    /** The example on a line, if the line runs layerfit. */
    static Optional<DocumentedExample> of(String source, String line) {
        return of(source, "", line, "");
    }

    /** The text of a line that is only a comment, else empty. */
    private static String commentLine(String line) {
        String s = line.strip();
        return s.startsWith("#") ? s.substring(1).strip() : "";
    }

    /**
     * The example on a line run in {@code dir} (relative to the root), if the line runs layerfit; {@code above} is
     * the comment line right above it, which speaks for it when it has no comment of its own (help moves the
     * comment of a line too long for the terminal there).
     */
    static Optional<DocumentedExample> of(String source, String dir, String line, String above) {
        String text = line.strip();
        int hash = commentStart(text);
        String command = (hash < 0 ? text : text.substring(0, hash)).strip().replaceAll(" +", " ");
        String comment = hash < 0 ? above : text.substring(hash + 1).strip();
        if (command.startsWith("./layerfit ")) {
            command = command.substring(2);
        }
        if (!command.startsWith("layerfit ") && !command.contains("| layerfit ")) {
            return Optional.empty();
        }
        return Optional.of(new DocumentedExample(source, dir, command, comment));
    }

    /** Where a shell comment starts (a {@code #} after a blank, outside quotes), or -1. */
    private static int commentStart(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return source + ": " + (dir.isEmpty() ? "" : "(in " + dir + ") ") + command + (comment.isEmpty() ? "" : "   # " + comment);
    }
}
