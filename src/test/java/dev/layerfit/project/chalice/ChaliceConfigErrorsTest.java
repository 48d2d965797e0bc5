package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.error.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Malformed JSON and wrong types: one sentence naming file:line:column and what is wrong. */
class ChaliceConfigErrorsTest {

    private static final Path FILE = Path.of("shop", ".chalice", "config.json");

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("trailing comma in object", """
                        {
                          "app_name": "shop",
                          "stages": {"dev": {}},
                        }
                        """, "4:1: a comma before '}' with nothing after it (JSON allows no trailing comma); fix the JSON"),
                Arguments.of("trailing comma in list", """
                        {
                          "app_name": "shop",
                          "layers": ["arn:a",]
                        }
                        """, "3:22: a comma before ']' with nothing after it (JSON allows no trailing comma); fix the JSON"),
                Arguments.of("missing comma", """
                        {
                          "app_name": "shop"
                          "stages": {}
                        }
                        """, "3:3: a comma is missing before this value; fix the JSON"),
                Arguments.of("bare word", """
                        {
                          "app_name": "shop",
                          "automatic_layer": yes
                        }
                        """, "3:22: 'yes' is not a JSON value (use true, false, null, a number, or a string in double quotes); fix the JSON"),
                Arguments.of("unclosed", """
                        {
                          "app_name": "shop",
                          "stages": {
                        """, "4:1: the file ends before the JSON is complete (a closing '}' or ']' or a quote is missing); fix the JSON"),
                Arguments.of("comment", """
                        {
                          // prod uses the big layer
                          "app_name": "shop"
                        }
                        """, "2:3: JSON allows no comments; fix the JSON"),
                Arguments.of("single quotes", "{\"app_name\": 'shop'}",
                        "1:14: strings and keys need double quotes, not single quotes; fix the JSON"),
                Arguments.of("unquoted key", "{\n  app_name: \"shop\"\n}", "2:3: a key must be a string in double quotes; fix the JSON"),
                Arguments.of("extra content", "{\"app_name\": \"shop\"} {}",
                        "1:22: there is more after the end of the top-level JSON value; remove it or fix the JSON"),
                Arguments.of("empty", " \n", "1:1: the file is empty; it must hold a JSON object such as "
                        + "{\"version\": \"2.0\", \"app_name\": \"myapp\", \"stages\": {\"dev\": {}}}"),
                Arguments.of("top-level list", "[]",
                        "1:1: the top-level value must be a JSON object with app_name and stages, not a list; fix the value"),
                Arguments.of("no app_name", "{\"stages\": {}}", "1:1: app_name is missing; add \"app_name\": \"<your app>\" "
                        + "at the top level (Chalice needs it to name what it deploys)"),
                Arguments.of("app_name a number", "{\"app_name\": 7}",
                        "1:14: app_name must be a non-empty string, not the number 7; fix the value"),
                Arguments.of("layers a string", """
                        {
                          "app_name": "shop",
                          "layers": "arn:aws:lambda:us-east-1:123456789012:layer:x:1"
                        }
                        """, "3:13: layers must be a list of layer version ARNs (strings), not the string "
                        + "\"arn:aws:lambda:us-east-1:123456789012:la…\"; fix the value"),
                Arguments.of("layer not a string", """
                        {
                          "app_name": "shop",
                          "stages": {
                            "prod": {
                              "layers": ["arn:aws:lambda:us-east-1:1:layer:a:1", 5]
                            }
                          }
                        }
                        """, "5:58: stages.prod.layers[1] must be a layer version ARN (a string), not the number 5; fix the value"),
                Arguments.of("automatic_layer a string", """
                        {
                          "app_name": "shop",
                          "stages": {
                            "prod": {"automatic_layer": "false"}
                          }
                        }
                        """, "4:33: stages.prod.automatic_layer must be true or false, not the string \"false\"; fix the value"),
                Arguments.of("stage not an object", "{\"app_name\": \"shop\", \"stages\": {\"prod\": []}}",
                        "1:41: stages.prod must be an object of settings for stage 'prod', not a list; fix the value"),
                Arguments.of("lambda_functions a list", "{\"app_name\": \"shop\", \"lambda_functions\": [\"a\"]}",
                        "1:42: lambda_functions must be an object of function name to function settings, not a list; fix the value"),
                Arguments.of("function layers wrong", """
                        {
                          "app_name": "shop",
                          "stages": {
                            "dev": {
                              "lambda_functions": {
                                "worker": {"layers": {"arn": "x"}}
                              }
                            }
                          }
                        }
                        """, "6:30: stages.dev.lambda_functions.worker.layers must be a list of layer version ARNs (strings), "
                        + "not an object; fix the value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void oneSentenceWithFileLineAndColumn(String name, String json, String expected) {
        assertThatThrownBy(() -> ChaliceConfig.parse(json, FILE))
                .isInstanceOf(InvalidChaliceConfigException.class)
                .isInstanceOf(BadInputException.class)
                .hasMessage(FILE + ":" + expected);
    }
}
