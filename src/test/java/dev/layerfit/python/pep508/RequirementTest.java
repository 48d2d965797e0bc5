package dev.layerfit.python.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequirementTest {

    @Test
    void parsesAndPrintsLikePackaging() {
        Requirement r = Requirement.parse("requests [tests,security] >= 2.8.1, == 2.8.* ; python_version < '2.7'");
        assertThat(r.name()).isEqualTo("requests");
        assertThat(r.extras()).containsExactly("security", "tests");
        assertThat(r.specifier()).hasToString("==2.8.*,>=2.8.1");
        assertThat(r).hasToString("requests[security,tests]==2.8.*,>=2.8.1; python_version < \"2.7\"");

        Requirement url = Requirement.parse("Name @ https://x.test/n-1.0-py3-none-any.whl ; os_name=='posix'");
        assertThat(url.url()).contains("https://x.test/n-1.0-py3-none-any.whl");
        assertThat(url).hasToString("Name @ https://x.test/n-1.0-py3-none-any.whl ; os_name == \"posix\"");
        assertThat(url.normalizedName()).isEqualTo("name");
    }

    @Test
    void errorsPointAtTheFault() {
        InvalidRequirementException e = catchThrowableOfType(() -> Requirement.parse("name >=1.0 extra"),
                InvalidRequirementException.class);
        assertThat(e.getMessage()).contains("'name >=1.0 extra' is not a valid requirement");
        assertThat(e.detail().caretDiagram()).isEqualTo("    name >=1.0 extra\n         ~~~~~~^");
        assertThatThrownBy(() -> Requirement.parse("name>=1.0.*")).hasMessageContaining(".* suffix can only be used");
    }

    @Test
    void markersEvaluateOnLambdaTargets() {
        Marker m = Marker.parse("python_version >= '3.12' and platform_machine == 'aarch64' or extra == 'Test_Utils'");
        assertThat(m).hasToString("python_version >= \"3.12\" and platform_machine == \"aarch64\" or extra == \"test-utils\"");
        assertThat(m.evaluate(MarkerEnvironment.forTarget("3.12", "arm64"))).isTrue();
        assertThat(m.evaluate(MarkerEnvironment.forTarget("3.11", "aarch64"))).isFalse();
        Map<String, String> withExtra = new java.util.HashMap<>(MarkerEnvironment.forTarget("3.11", "x86_64").asMap());
        withExtra.put("extra", "test.utils");
        assertThat(m.evaluate(withExtra)).isTrue();
    }

    @Test
    void undefinedComparisonsAreDistinct() {
        assertThatThrownBy(() -> Marker.parse("os_name ~= 'posix'").evaluate(MarkerEnvironment.forTarget("3.12", "x86_64")))
                .isInstanceOf(UndefinedComparisonException.class);
        // string comparison of non-version variables: only equality is defined, ordering is false
        assertThat(Marker.parse("sys_platform < 'zzz'").evaluate(MarkerEnvironment.forTarget("3.12", "x86_64"))).isFalse();
        assertThatThrownBy(() -> Marker.parse("python_version >= 3.8")).isInstanceOf(InvalidMarkerException.class);
    }

    @Test
    void lambdaEnvironmentMatchesTheReadme() {
        assertThat(MarkerEnvironment.forTarget("3.12", "x86_64").asMap()).containsAllEntriesOf(Map.of(
                "python_full_version", "3.12.0", "implementation_version", "3.12.0", "platform_release", "",
                "platform_version", "", "sys_platform", "linux", "platform_system", "Linux"));
        assertThat(MarkerEnvironment.forTarget("3.11.14", "x86_64").asMap()).containsAllEntriesOf(Map.of(
                "python_full_version", "3.11.14", "implementation_version", "3.11.14", "python_version", "3.11"));
        assertThat(Marker.parse("python_full_version < '3.11.3'").evaluate(MarkerEnvironment.forTarget("3.11.14", "x86_64")))
                .isFalse();
        assertThat(Marker.parse("python_full_version < '3.11.3'").evaluate(MarkerEnvironment.forTarget("3.11.2", "x86_64")))
                .isTrue();
    }
}
