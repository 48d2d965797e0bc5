package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaliceConfigTest {

    private static final String COMMON_4 = "arn:aws:lambda:us-east-1:123456789012:layer:common-utils:4";
    private static final String COMMON_5 = "arn:aws:lambda:us-east-1:123456789012:layer:common-utils:5";
    private static final String DEPS_PROD = "arn:aws:lambda:us-east-1:123456789012:layer:deps-prod:3";
    private static final String PANDAS = "arn:aws:lambda:us-east-1:123456789012:layer:pandas:12";
    private static final String PILLOW = "arn:aws:lambda:us-east-1:123456789012:layer:pillow:7";

    @TempDir
    Path project;

    private List<String> lines;

    /** Copies a test config into {@code project/.chalice/config.json}. */
    private ChaliceConfig load(String resource) throws IOException {
        Path chalice = Files.createDirectories(project.resolve(".chalice"));
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(resource))) {
            Files.write(chalice.resolve("config.json"), in.readAllBytes());
        }
        lines = Files.readAllLines(chalice.resolve("config.json"));
        return ChaliceConfig.load(project);
    }

    /** 1-based line of the first line containing {@code text} after line {@code after}. */
    private int lineOf(String text, int after) {
        for (int i = after; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in config");
    }

    private ChaliceConfig shop;

    @BeforeEach
    void loadShop() throws IOException {
        shop = load("shop-api.json");
    }

    @Test
    void readsTheModel() {
        assertThat(shop.appName()).isEqualTo("shop-api");
        assertThat(shop.stages()).containsOnlyKeys("dev", "prod", "staging");
        assertThat(shop.stages().keySet()).containsExactly("dev", "prod", "staging");
        assertThat(shop.functionNames()).containsExactly("report_worker", "thumbnailer");
        assertThat(shop.topLevel().lambdaFunctions()).containsOnlyKeys("report_worker", "thumbnailer");
        assertThat(shop.stages().get("prod").lambdaFunctions()).containsOnlyKeys("thumbnailer", "report_worker");
        assertThat(shop.file()).isEqualTo(project.resolve(".chalice/config.json"));
    }

    @Test
    void topLevelAppliesWhenNothingMoreSpecificIsSet() {
        ResolvedSettings s = shop.resolve("dev", null);
        assertThat(s.layers()).containsExactly(COMMON_4);
        assertThat(s.layersOrigin()).isEqualTo(new SettingOrigin("layers", lineOf("\"layers\"", 0), 13));
        assertThat(s.automaticLayer()).isTrue();
        assertThat(s.automaticLayerOrigin()).isEqualTo(new SettingOrigin("automatic_layer", 4, 22));
        assertThat(s.automaticLayerOrigin().scope()).isEmpty();
        assertThat(s.managedLayerName()).isEqualTo("shop-api-dev-managed-layer");
        assertThat(s.layerCount()).isEqualTo(2);
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void nullStageIsChalicesDefaultDev() {
        assertThat(shop.resolve(null, null).stage()).isEqualTo("dev");
    }

    @Test
    void topLevelLambdaFunctionBeatsTopLevel() {
        ResolvedSettings s = shop.resolve("dev", "report_worker");
        assertThat(s.function()).isEqualTo("report_worker");
        assertThat(s.layers()).containsExactly(PANDAS);
        assertThat(s.layersOrigin().jsonPath()).isEqualTo("lambda_functions.report_worker.layers");
        assertThat(s.layersOrigin().line()).isEqualTo(lineOf("\"layers\"", lineOf("report_worker", 0)));
    }

    @Test
    void stageBeatsTopLevel() {
        ResolvedSettings s = shop.resolve("prod", null);
        assertThat(s.layers()).containsExactly(COMMON_5, DEPS_PROD);
        assertThat(s.layersOrigin().jsonPath()).isEqualTo("stages.prod.layers");
        assertThat(s.automaticLayer()).isFalse();
        assertThat(s.automaticLayerOrigin().jsonPath()).isEqualTo("stages.prod.automatic_layer");
        assertThat(s.automaticLayerOrigin().scope()).isEqualTo("stages.prod");
        assertThat(s.automaticLayerOrigin().line()).isEqualTo(lineOf("\"automatic_layer\": false", 0));
        assertThat(s.automaticLayerOrigin().describe())
                .isEqualTo("stages.prod.automatic_layer (line " + lineOf("\"automatic_layer\": false", 0) + ")");
        assertThat(s.managedLayerName()).isEqualTo("shop-api-prod-managed-layer");
    }

    @Test
    void stageBeatsTopLevelLambdaFunctionsAsInChalicesChainLookup() {
        // _chain_lookup order: stages.S.lambda_functions.F, stages.S, lambda_functions.F, top level
        ResolvedSettings s = shop.resolve("prod", "report_worker");
        assertThat(s.layers()).containsExactly(COMMON_5, DEPS_PROD);
        assertThat(s.layersOrigin().jsonPath()).isEqualTo("stages.prod.layers");
    }

    @Test
    void stageLambdaFunctionBeatsEverythingAndAnEmptyListCounts() {
        ResolvedSettings s = shop.resolve("prod", "thumbnailer");
        assertThat(s.layers()).isEmpty();
        assertThat(s.layersOrigin().jsonPath()).isEqualTo("stages.prod.lambda_functions.thumbnailer.layers");
        assertThat(s.layersOrigin().line()).isEqualTo(lineOf("\"layers\": []", 0));
        assertThat(s.layerCount()).isZero();
    }

    @Test
    void nullMeansNotSetAndFallsThrough() {
        ResolvedSettings s = shop.resolve("staging", "thumbnailer");
        assertThat(s.layers()).containsExactly(PILLOW);
        assertThat(s.layersOrigin().jsonPath()).isEqualTo("lambda_functions.thumbnailer.layers");
        assertThat(s.automaticLayer()).isTrue();
        assertThat(s.automaticLayerOrigin().jsonPath()).isEqualTo("automatic_layer");
    }

    @Test
    void apiHandlerIsAlwaysAFunction() {
        assertThat(shop.resolve("dev", "api_handler").layers()).containsExactly(COMMON_4);
    }

    @Test
    void unknownStageNamesTheKnownOnes() {
        assertThatThrownBy(() -> shop.resolve("qa", null))
                .isInstanceOf(UnknownStageException.class)
                .isInstanceOf(BadInputException.class)
                .hasMessage("stage 'qa' is not in " + shop.file() + "; its stages are dev, prod, staging (choose one with --stage)");
    }

    @Test
    void unknownFunctionNamesTheKnownOnes() {
        assertThatThrownBy(() -> shop.resolve("prod", "resizer"))
                .isInstanceOf(UnknownFunctionException.class)
                .hasMessage("function 'resizer' is not in any lambda_functions section of " + shop.file()
                        + "; the functions listed are report_worker, thumbnailer (or api_handler)");
    }

    @Test
    void withoutStagesOnlyDevWorks() throws IOException {
        ChaliceConfig tiny = load("stageless.json");
        ResolvedSettings s = tiny.resolve(null, null);
        assertThat(s.stage()).isEqualTo("dev");
        assertThat(s.automaticLayer()).isTrue();
        assertThat(s.layers()).isEmpty();
        assertThat(s.layersOrigin().isDefault()).isTrue();
        assertThat(s.layersOrigin().describe()).isEqualTo("Chalice's default");
        assertThatThrownBy(() -> tiny.resolve("prod", null)).isInstanceOf(UnknownStageException.class)
                .hasMessageContaining("it defines no stages, so only the default stage 'dev' can be used");
    }

    @Test
    void automaticLayerDefaultsToFalse() throws IOException {
        ResolvedSettings s = load("misplaced-automatic-layer.json").resolve("dev", "loader");
        assertThat(s.automaticLayer()).isFalse();
        assertThat(s.automaticLayerOrigin()).isEqualTo(SettingOrigin.DEFAULT);
        assertThat(s.layers()).containsExactly("arn:aws:lambda:eu-west-1:111122223333:layer:numpy:2");
        assertThat(s.layersOrigin().jsonPath()).isEqualTo("stages.dev.lambda_functions.loader.layers");
        assertThat(s.notes()).containsExactly("lambda_functions.loader.automatic_layer (line 6) is ignored by Chalice, "
                + "which reads automatic_layer only at the top level or per stage; move it there");
    }

    @Test
    void missingConfigIsBadInput() {
        Path empty = project.resolve("not-chalice");
        assertThatThrownBy(() -> ChaliceConfig.load(empty)).isInstanceOf(ChaliceConfigNotFoundException.class)
                .hasMessage("project folder " + empty + " does not exist; give the folder that holds app.py and .chalice/");
    }

    @Test
    void folderWithoutChaliceDirIsBadInput(@TempDir Path other) {
        assertThatThrownBy(() -> ChaliceConfig.load(other)).isInstanceOf(ChaliceConfigNotFoundException.class)
                .hasMessageStartingWith("no .chalice/config.json in " + other + ";");
    }
}
