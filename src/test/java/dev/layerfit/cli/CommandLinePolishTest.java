package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLinePolishTest {

    private static final Path SEED = Path.of(System.getProperty("layerfit.repo", ".")).resolve("examples/seed-app");

    @Test
    void aMistypedCommandGetsTheClosestOne() {
        CliRun run = CliRun.of("chek", "examples/seed-app");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("layerfit: unknown command 'chek'; did you mean 'check'?\n")
                .doesNotContain("Exception");
    }

    @Test
    void aMistypedOptionGetsTheClosestOne() {
        CliRun run = CliRun.of("check", SEED.toString(), "--stag", "prod");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("layerfit: unknown option '--stag'; did you mean '--stage'?\n")
                .contains("Run 'layerfit check --help' for usage.");
    }

    @Test
    void aWordNothingResemblesListsTheCommands() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'frobnicate'; the commands are check, ", "analyze, explain");
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertThat(CommandTree.forArgs(new String[] {"--version"}).getSubcommands()).isEmpty();
        assertThat(CommandTree.forArgs(new String[] {"analyze", "x.zip", "--top", "3"}).getSubcommands())
                .containsOnlyKeys("analyze");
        assertThat(CommandTree.forArgs(new String[] {"--help"}).getSubcommands()).containsKeys("check", "completion", "dev");
    }

    /** Every command and subcommand, by its path of names. */
    private static List<List<String>> allCommands() {
        List<List<String>> out = new ArrayList<>();
        collect(CommandTree.full(), new ArrayList<>(), out);
        return out;
    }

    /** The command lines {@code path + [last]} for every command but the hidden development ones. */
    private static List<String[]> everyPublicCommandWith(String last) {
        List<String[]> out = new ArrayList<>();
        for (List<String> path : allCommands()) {
            if (path.isEmpty() || !path.get(0).equals("dev")) {
                List<String> args = new ArrayList<>(path);
                args.add(last);
                out.add(args.toArray(String[]::new));
            }
        }
        return out;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void everyHelpFits80ColumnsAndListsTheExitCodes() {
        assertThat(allCommands()).hasSizeGreaterThan(12);
        for (String[] args : everyPublicCommandWith("--help")) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as("%s", List.of(args)).isZero();
            for (String line : run.out().split("\n")) {
                assertThat(line.length()).as("%s: %s", List.of(args), line).isLessThanOrEqualTo(80);
            }
            assertThat(run.out()).as("%s", List.of(args)).contains("Exit codes:\n  0   ", "\n  1   ", "\n  2   ", "\n  3   ");
        }
    }

    @Test
    void everyCommandPrintsTheVersionAndListsTheSharedOptionsLast() {
        String version = CliRun.of("--version").out();
        for (String[] args : everyPublicCommandWith("-V")) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as("%s", List.of(args)).isZero();
            assertThat(run.out()).as("%s", List.of(args)).isEqualTo(version);
        }
        // the shared option groups follow the command's own options, in the command's order, then -h and -V
        List<String> names = CommandTree.forArgs(new String[] {"check", "--help"}).getSubcommands().get("check").getCommandSpec()
                .options().stream().map(o -> o.longestName()).toList();
        assertThat(names.subList(names.size() - 20, names.size())).containsExactly("--profile", "--region",
                "--endpoint-url", "--offline", "--runtime", "--python-version", "--glibc", "--arch", "--index-url",
                "--extra-index-url", "--find-links", "--no-index", "--pre", "--json", "--quiet", "--verbose", "--debug",
                "--timeout", "--help", "--version");
        assertThat(names.get(0)).isEqualTo("--stage");
    }

    @Test
    void descriptionsAreWrappedAsParagraphs() {
        assertThat(CommandTree.paragraphs(new String[] {"one", "two", "", "three", "- item", "  code"}))
                .containsExactly("one two", "", "three", "- item", "  code");
    }

    @Test
    void longExamplesBreakWithALineContinuation() {
        assertThat(CommandTree.continued(new String[] {"  layerfit resolve base.txt web.txt --python-version 3.11 --json"}, 40))
                .containsExactly("  layerfit resolve base.txt web.txt \\", "      --python-version 3.11 --json");
    }

    @Test
    void completionScriptsForEachShell() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F", "check", "analyze", "--stage").doesNotContain("train-startup");
        assertThat(CliRun.of("completion", "zsh").out()).startsWith("#compdef layerfit").contains("bashcompinit");
        CliRun fish = CliRun.of("completion", "fish");
        assertThat(fish.out()).contains("complete -c layerfit -n '__fish_use_subcommand' -a check",
                "__fish_seen_subcommand_from check' -l stage -r -F", "-a list");
        CliRun bad = CliRun.of("completion", "tcsh");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown shell 'tcsh'; layerfit completes bash, zsh and fish");
    }

    @Test
    void dashIsStandardOutputForReports(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("check", SEED.toString(), "--stage", "prod", "--markdown", "-");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("#").contains("| `unzipped-total` |").doesNotContain("DOES NOT FIT:");
        assertThat(run.err()).contains("DOES NOT FIT:"); // the text report moved out of the way
        assertThat(Files.exists(Path.of("-"))).isFalse();

        Path req = Files.writeString(tmp.resolve("requirements.txt"), "six>=1\n");
        CliRun merge = CliRun.of("merge", req.toString(), "-o", "-");
        assertThat(merge.exitCode()).isZero();
        assertThat(merge.out()).contains("six>=1");
        assertThat(Files.exists(Path.of("-"))).isFalse();
    }

    @Test
    void oneLayerIsSingular(@TempDir Path tmp) throws Exception {
        String arn = "arn:aws:lambda:us-east-1:123456789012:layer:numpy:3";
        Files.createDirectories(tmp.resolve(".chalice"));
        Files.writeString(tmp.resolve("app.py"), "from chalice import Chalice\n");
        Files.writeString(tmp.resolve(".chalice/config.json"),
                "{\"app_name\": \"one\", \"layers\": [\"" + arn + "\"], \"stages\": {\"dev\": {}}}");
        CliRun run = CliRun.of("check", tmp.toString(), "--layer", arn + "=" + SEED.resolve("layers/numpy.listing"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 layer of at most 5").doesNotContain("1 layers");
    }

    @Test
    void quietPrintsOnlyTheVerdict() {
        CliRun run = CliRun.of("check", SEED.toString(), "--stage", "prod", "--quiet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().strip()).startsWith("DOES NOT FIT:").doesNotContain("\n");
        CliRun verbose = CliRun.of("check", SEED.toString(), "--stage", "prod", "--verbose");
        assertThat(verbose.err()).containsPattern("layerfit: exit code 1 after \\d+ ms \\(Java ");
    }
}
