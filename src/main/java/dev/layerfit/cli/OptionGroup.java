package dev.layerfit.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A group of options several commands share ({@code --json}, {@code --runtime}, {@code --index-url}, ...), defined in
 * code ({@link OptionSpecs}) and bound to the group object's fields.
 */
public interface OptionGroup {

    /** The options as a picocli mixin of {@code command} (errors name that command). */
    CommandSpec mixin(CommandSpec command);
}
