package dev.layerfit.project.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerlessVariablesTest {

    static ServerlessVariables vars(String yaml, String stageFlag, Map<String, String> env) {
        return new ServerlessVariables(ConfigTree.parseYaml(Path.of("serverless.yml"), yaml).root(), stageFlag,
                "eu-west-1", null, Map.of("tier", "gold"), env::get);
    }

    static final String YAML = """
            service: shop
            provider:
              stage: prod
              region: ${opt:region, 'us-east-1'}
            custom:
              name: ${self:service}-${sls:stage}
              flagStage: ${opt:stage, 'dev'}
              table: ${env:TABLE, self:custom.name}
              tier: ${param:tier}
              secret: ${ssm:/shop/secret}
              safe: ${ssm:/shop/secret, 'none'}
              loop: ${self:custom.loop}
            """;

    @Test
    void selfSlsOptEnvAndParamResolveWithFallbacks() throws Exception {
        ServerlessVariables v = vars(YAML, null, Map.of());
        assertThat(v.stage()).isEqualTo("prod");
        var custom = ConfigTree.parseYaml(Path.of("serverless.yml"), YAML).root().path("custom");
        assertThat(v.text(custom.path("name"))).isEqualTo("shop-prod");
        // opt: is only the command line: provider.stage does not answer it
        assertThat(v.text(custom.path("flagStage"))).isEqualTo("dev");
        assertThat(vars(YAML, "qa", Map.of()).text(custom.path("flagStage"))).isEqualTo("qa");
        assertThat(v.text(custom.path("table"))).isEqualTo("shop-prod");
        assertThat(vars(YAML, null, Map.of("TABLE", "t1")).text(custom.path("table"))).isEqualTo("t1");
        assertThat(v.text(custom.path("tier"))).isEqualTo("gold");
        assertThat(v.text(custom.path("safe"))).isEqualTo("none");
    }

    @Test
    void anUnresolvableVariableSaysWhy() {
        ServerlessVariables v = vars(YAML, null, Map.of());
        var custom = ConfigTree.parseYaml(Path.of("serverless.yml"), YAML).root().path("custom");
        assertThatThrownBy(() -> v.text(custom.path("secret")))
                .isInstanceOf(ServerlessVariables.UnresolvedException.class)
                .hasMessage("ssm: values are read from AWS or a plugin when serverless runs");
        assertThatThrownBy(() -> v.text(custom.path("loop")))
                .isInstanceOf(ServerlessVariables.UnresolvedException.class).hasMessageContaining("loop");
    }
}
