package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unknown subcommands and options, at every level of the tree: one sentence (plus where the usage is), exit 2, no
 * stack trace, nothing on stdout — or, with {@code --json}, only the JSON error there.
 */
class UnknownCommandLineTest {

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static void oneSentence(CliRun run, String sentence, String usage) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(lines(run.err())).containsExactly("layerfit: " + sentence, "Run '" + usage + " --help' for usage.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownSubcommandOfACommandListsThatCommandsOwn() {
        oneSentence(CliRun.of("layers", "lst"), "unknown command 'lst'; did you mean 'list'?", "layerfit layers");
        oneSentence(CliRun.of("layers", "frobnicate"), "unknown command 'frobnicate'; the commands are list, prune",
                "layerfit layers");
    }

    @Test
    void anUnknownOptionAtTheRootAndInANestedCommand() {
        oneSentence(CliRun.of("--frobnicate"), "unknown option '--frobnicate'", "layerfit");
        oneSentence(CliRun.of("layers", "prune", "--keeep", "3"), "unknown option '--keeep'; did you mean '--keep'?",
                "layerfit layers prune");
        oneSentence(CliRun.of("check", "examples/seed-app", "extra"), "unexpected argument 'extra'", "layerfit check");
        // known options, clustered, leave the missing-option message as it is
        assertThat(lines(CliRun.of("layers", "prune", "-qv").err()).get(0)).startsWith("layerfit: Missing required options");
    }

    @Test
    void withJsonStdoutHoldsOnlyTheError() throws Exception {
        CliRun run = CliRun.of("layers", "lst", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(run.out()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("unknown command 'lst'; did you mean 'list'?");
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
}
