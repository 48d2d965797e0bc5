package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code audit} and {@code check FUNCTION_ARN} refuse bad input locally, before any AWS call: one sentence, exit 2. */
class AuditAndDeployedBadInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "audit --concurrency 0 --region eu-west-1 | --concurrency 0 is out of range",
        "audit --all-regions --region eu-west-1 | give one of them",
        "audit --region eu-west-1,not_a_region | 'not_a_region' is not a region name",
        "audit --fail-over -5 --region eu-west-1 | is not a percentage",
        "check arn:aws:lambda:eu-west-1:12345:function:f | is not a function ARN",
        "check arn:aws:lambda:eu-west-1:123456789012:function:f --offline | --offline",
    })
    void refusedLocally(String args, String expected) {
        CliRun run = CliRun.of(args.split(" "));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected).doesNotContain("at dev.layerfit").doesNotContain("Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
