package dev.layerfit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code layerfit completion bash|zsh|fish}: the shell completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print the shell completion script for bash, zsh or fish.",
        description = {"Prints a script that completes layerfit's commands, options and file names in the given shell.",
            "Install it once:"},
        footer = {"", "Examples:",
            "  layerfit completion bash > ~/.local/share/bash-completion/completions/layerfit",
            "  layerfit completion zsh > ~/.zfunc/_layerfit   # with fpath+=(~/.zfunc) in ~/.zshrc",
            "  layerfit completion fish > ~/.config/fish/completions/layerfit.fish"},
        exitCodeList = {"0:the script was printed", "2:an unknown shell"})
public final class CompletionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CompletionScript script = new CompletionScript(CommandTree.full());
        String text = switch (shell) {
            case "bash" -> script.bash();
            case "zsh" -> script.zsh();
            case "fish" -> script.fish();
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown shell '" + shell + "'; layerfit completes bash, zsh and fish");
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
