package dev.layerfit.cli;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli options defined in code rather than by annotations, bound to an object's fields. Reading annotations
 * costs a start-up: each annotation type becomes a dynamic proxy class generated at run time, which no start-up
 * archive can hold (about 35 ms of the 190 ms {@code layerfit analyze} took from the release archive). The
 * {@link OptionGroup}s every command shares, the root and {@code analyze} are therefore built here; the other
 * commands keep their annotations for their own options.
 */
final class OptionSpecs {

    private OptionSpecs() {
    }

    /**
     * A command's model bound to {@code command} (picocli never reads its annotations): its help texts, options in
     * the order they are added, and {@code -h}/{@code -V}.
     */
    static CommandSpec command(Object command, String name, String header, String[] description, String... footer) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, LazyDefaultFactory.INSTANCE).name(name);
        spec.usageMessage().sortOptions(false).description(description).footer(footer);
        if (header != null) {
            spec.usageMessage().header(header);
        }
        addStandardHelp(spec);
        return spec;
    }

    /** An empty model for an {@link OptionGroup}'s options, mixed into the commands that share them. */
    static CommandSpec mixin() {
        return CommandSpec.wrapWithoutInspection(null, LazyDefaultFactory.INSTANCE);
    }

    /** A flag ({@code --json}): true when given. */
    static OptionSpec flag(String description, Consumer<Boolean> into, String... names) {
        Binding<Boolean> binding = new Binding<>(false, into);
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description)
                .initialValue(false).hasInitialValue(true).getter(binding).setter(binding).build();
    }

    /** An option with one value ({@code --region REGION}), converted by picocli to {@code type}. */
    static <V> OptionSpec value(Class<V> type, String paramLabel, String description, Consumer<V> into, String... names) {
        Binding<V> binding = new Binding<>(null, into);
        return OptionSpec.builder(names).type(type).arity("1").paramLabel(paramLabel).description(description)
                .getter(binding).setter(binding).build();
    }

    /** An option with one whole number ({@code --top N}), whose default {@code initial} help can show. */
    static OptionSpec.Builder integer(int initial, String paramLabel, String description, Consumer<Integer> into, String... names) {
        Binding<Integer> binding = new Binding<>(initial, into);
        return OptionSpec.builder(names).type(int.class).arity("1").paramLabel(paramLabel).description(description)
                .defaultValue(String.valueOf(initial)).getter(binding).setter(binding);
    }

    /** A repeatable option ({@code -r FILE}), its values converted to {@code type} and collected in order. */
    static <E> OptionSpec values(Class<E> type, String paramLabel, String description, Consumer<List<E>> into, String... names) {
        Binding<List<E>> binding = new Binding<>(null, into);
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(type).arity("1").paramLabel(paramLabel)
                .description(description).getter(binding).setter(binding).build();
    }

    /** Positional parameters collected into a list ({@code PATH...}). */
    static PositionalParamSpec strings(String arity, String paramLabel, String description, Consumer<List<String>> into) {
        Binding<List<String>> binding = new Binding<>(null, into);
        return PositionalParamSpec.builder().arity(arity).required(!arity.startsWith("0")).paramLabel(paramLabel)
                .description(description).type(List.class).auxiliaryTypes(String.class).getter(binding).setter(binding).build();
    }

    /** {@code -h/--help} and {@code -V/--version}, as picocli's {@code mixinStandardHelpOptions} words them. */
    private static void addStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).arity("0").type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).arity("0").type(boolean.class)
                .description("Print version information and exit.").build());
    }

    /**
     * The value picocli holds for an option, passed on to a field. Picocli reads a list option's current value to add
     * the next occurrence's values to it, so the binding keeps what was last set. Null (an option reset to no
     * initial value) is not passed on: the field keeps its default.
     */
    private static final class Binding<V> implements IGetter, ISetter {

        private Object value;
        private final Consumer<V> into;

        Binding(Object initial, Consumer<V> into) {
            this.value = initial;
            this.into = into;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T newValue) {
            Object old = value;
            value = newValue;
            if (newValue != null) {
                into.accept((V) newValue);
            }
            return (T) old;
        }
    }
}
