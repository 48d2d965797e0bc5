package dev.layerfit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CategorizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/dev/layerfit/inventory/categories.tsv", delimiterString = "\t", numLinesToSkip = 1)
    void categorizesByRuntimePath(String runtimePath, String expected) {
        assertThat(Categorizer.categorize(runtimePath).label()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/dev/layerfit/inventory/categories.tsv", delimiterString = "\t", numLinesToSkip = 1)
    void expectedLabelsAreCategoryNames(String runtimePath, String expected) {
        assertThat(Arrays.stream(Category.values()).map(Category::label)).contains(expected);
    }
}
