package dev.layerfit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void formatsTheLambdaLimitInBinaryUnitsWithExactBytes() {
        assertThat(Bytes.both(262_144_000L)).isEqualTo("250.0 MiB (262,144,000 bytes)");
        assertThat(Bytes.human(1023)).isEqualTo("1023 B");
        assertThat(Bytes.human(1536)).isEqualTo("1.5 KiB");
        assertThat(Bytes.human(5L * 1024 * 1024 * 1024)).isEqualTo("5.00 GiB");
        assertThat(Bytes.percent(131_072_000L, 262_144_000L)).isEqualTo("50.0%");
        assertThat(Bytes.percent(1, 0)).isEqualTo("-");
    }
}
