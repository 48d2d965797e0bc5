package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option groups and commands defined in code bind their values as the annotated ones did. */
class OptionGroupsTest {

    private static <T> T parsed(String... args) {
        CommandLine root = CommandTree.forArgs(args);
        root.parseArgs(args);
        return root.getSubcommands().get(args[0]).getCommand();
    }

    @Test
    void repeatedOptionsAndSplitPositionalsKeepEveryValueInOrder() {
        ResolveCommand resolve = parsed("resolve", "a.txt", "--runtime", "python3.12", "b.txt", "-r", "c.txt", "-r", "d.txt",
                "-c", "pins.txt", "--extra", "s3", "--extra", "sql", "--group", "prod", "--with-project",
                "--extra-index-url", "http://one/simple", "--extra-index-url", "http://two/simple", "-f", "wheels",
                "--pre", "--json", "-o", "out.lock", "--metadata-threads", "0");
        assertThat(resolve.requirements.arguments).containsExactly("a.txt", "b.txt");
        assertThat(resolve.requirements.requirementFiles).containsExactly("c.txt", "d.txt");
        assertThat(resolve.requirements.constraintFiles).containsExactly(Path.of("pins.txt"));
        assertThat(resolve.requirements.extras).containsExactly("s3", "sql");
        assertThat(resolve.requirements.groups).containsExactly("prod");
        assertThat(resolve.requirements.withProject).isTrue();
        assertThat(resolve.targetOptions.runtime).isEqualTo("python3.12");
        assertThat(resolve.index.extraIndexUrls).containsExactly("http://one/simple", "http://two/simple");
        assertThat(resolve.index.findLinks).containsExactly("wheels");
        assertThat(resolve.index.pre).isTrue();
        assertThat(resolve.index.noIndex).isFalse();
        assertThat(resolve.common.json()).isTrue();
        assertThat(resolve.common.quiet()).isFalse();
        assertThat(resolve.output).isEqualTo(Path.of("out.lock"));
        assertThat(resolve.metadataThreads).isZero();
    }

    @Test
    void defaultsStayWhenNothingIsGiven() {
        ResolveCommand resolve = parsed("resolve", "a.txt");
        assertThat(resolve.requirements.requirementFiles).isEmpty();
        assertThat(resolve.index.extraIndexUrls).isEmpty();
        assertThat(resolve.index.indexUrl).isNull();
        assertThat(resolve.metadataThreads).isEqualTo(dev.layerfit.lock.Locker.DEFAULT_THREADS);
        AnalyzeCommand analyze = parsed("analyze", "x.zip", "--profile", "dev", "y.zip");
        assertThat(analyze.paths).containsExactly("x.zip", "y.zip");
        assertThat(analyze.top).isEqualTo(10);
        assertThat(analyze.aws.profile).isEqualTo("dev");
        assertThat(analyze.aws.offline()).isFalse();
    }
}
