package dev.layerfit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaTest {

    @Test
    void valuesAreTheExactBytesAwsReports() {
        // GetAccountSettings: CodeSizeZipped 52428800, CodeSizeUnzipped 262144000, TotalCodeSize 80530636800
        assertThat(Quota.DIRECT_UPLOAD_ZIPPED.value()).isEqualTo(52_428_800L);
        assertThat(Quota.UNZIPPED_FUNCTION_AND_LAYERS.value()).isEqualTo(262_144_000L);
        assertThat(Quota.CODE_STORAGE.value()).isEqualTo(80_530_636_800L);
        assertThat(Quota.INLINE_REQUEST_BODY.value()).isEqualTo(70_167_211L);
        assertThat(Quota.INLINE_REQUEST_BODY_BEFORE_2023.value()).isEqualTo(69_905_067L);
        assertThat(Quota.LAYERS_PER_FUNCTION.value()).isEqualTo(5L);
        assertThat(Quota.LAYERS_PER_FUNCTION.unit()).isEqualTo(Quota.Unit.COUNT);
        assertThat(Quota.CONTAINER_IMAGE.value()).isEqualTo(10_737_418_240L);
        assertThat(Quota.TMP_DEFAULT.value()).isEqualTo(536_870_912L);
        assertThat(Quota.TMP_MAX.value()).isEqualTo(10_737_418_240L);
    }

    @Test
    void humanSizesKeepTheExactBytes() {
        assertThat(ByteSizeFormat.describe(85_207_199)).isEqualTo("85,207,199 bytes (81.3 MiB, 85.2 MB)");
        assertThat(ByteSizeFormat.describe(999)).isEqualTo("999 bytes");
    }
}
