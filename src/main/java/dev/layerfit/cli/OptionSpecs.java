package dev.layerfit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli options defined in code rather than by annotations, bound to an object's fields. Reading annotations
 * costs a start-up: each annotation type becomes a dynamic proxy class generated at run time, which no start-up
 * archive can hold (about 35 ms of the 190 ms {@code layerfit analyze} took from the release archive). The
 * options every command shares ({@link CommonOptions}, {@link AwsOptions}), the root and {@code analyze} are
 * therefore built here; the other commands keep their annotations.
 */
final class OptionSpecs {

    private OptionSpecs() {
    }

    /** A flag ({@code --json}): true when given. */
    static OptionSpec flag(String description, Consumer<Boolean> into, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description)
                .initialValue(false).hasInitialValue(true)
                .getter(getter(() -> false)).setter(setter(into, Boolean.class)).build();
    }

    /** An option with one value ({@code --region REGION}), converted by picocli to {@code type}. */
    static <V> OptionSpec value(Class<V> type, String paramLabel, String description, Consumer<V> into, String... names) {
        return OptionSpec.builder(names).type(type).arity("1").paramLabel(paramLabel).description(description)
                .setter(setter(into, type)).build();
    }

    /** Positional parameters collected into a list ({@code PATH...}), which {@code into} receives when parsing starts. */
    static PositionalParamSpec strings(String arity, String paramLabel, String description, Consumer<List<String>> into) {
        List<String> values = new ArrayList<>();
        return PositionalParamSpec.builder().arity(arity).required(!arity.startsWith("0")).paramLabel(paramLabel)
                .description(description)
                .type(List.class).auxiliaryTypes(String.class)
                .getter(getter(() -> values)).setter(setter(list -> {
                    @SuppressWarnings("unchecked")
                    List<String> strings = (List<String>) list;
                    into.accept(strings);
                }, Object.class)).build();
    }

    /** {@code -h/--help} and {@code -V/--version}, as picocli's {@code mixinStandardHelpOptions} words them. */
    static void addStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).arity("0").type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).arity("0").type(boolean.class)
                .description("Print version information and exit.").build());
    }

    private static IGetter getter(Supplier<Object> value) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) value.get();
            }
        };
    }

    static <V> ISetter setter(Consumer<V> into, Class<V> type) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) {
                if (value != null) { // picocli resets an option to its initial value, null when it has none
                    into.accept((V) value);
                }
                return null;
            }
        };
    }
}
