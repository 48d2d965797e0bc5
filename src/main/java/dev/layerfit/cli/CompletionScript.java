package dev.layerfit.cli;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Shell completion scripts generated from the command tree (bash and zsh by picocli, fish here). */
final class CompletionScript {

    private final CommandLine root;

    CompletionScript(CommandLine root) {
        this.root = root;
    }

    String bash() {
        return AutoComplete.bash("layerfit", root);
    }

    /** zsh runs the bash script through its bashcompinit, as picocli's script documents. */
    String zsh() {
        return "#compdef layerfit\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                + bash();
    }

    /** fish: one {@code complete} line per command and option. */
    String fish() {
        StringBuilder sb = new StringBuilder("# fish completion for layerfit (layerfit completion fish)\n");
        sb.append("complete -c layerfit -f\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            sb.append("complete -c layerfit -n '__fish_use_subcommand' -a ").append(e.getKey())
                    .append(" -d ").append(quote(firstLine(spec))).append('\n');
            for (Map.Entry<String, CommandLine> sub : e.getValue().getSubcommands().entrySet()) {
                sb.append("complete -c layerfit -n '__fish_seen_subcommand_from ").append(e.getKey())
                        .append("' -a ").append(sub.getKey()).append(" -d ")
                        .append(quote(firstLine(sub.getValue().getCommandSpec()))).append('\n');
                options(sb, sub.getKey(), sub.getValue().getCommandSpec());
            }
            options(sb, e.getKey(), spec);
        }
        return sb.toString();
    }

    private static void options(StringBuilder sb, String command, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            sb.append("complete -c layerfit -n '__fish_seen_subcommand_from ").append(command).append('\'');
            for (String name : o.names()) {
                if (name.startsWith("--")) {
                    sb.append(" -l ").append(name.substring(2));
                } else if (name.length() == 2) {
                    sb.append(" -s ").append(name.charAt(1));
                }
            }
            if (o.arity().max() > 0) {
                sb.append(" -r -F");
            }
            if (o.description().length > 0) {
                sb.append(" -d ").append(quote(o.description()[0]));
            }
            sb.append('\n');
        }
    }

    private static String firstLine(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        return header.length > 0 ? header[0] : description.length > 0 ? description[0] : spec.name();
    }

    private static String quote(String text) {
        String plain = text.replace("%n", " ").replaceAll("\\$\\{[^}]*}", "").strip();
        return "'" + plain.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
