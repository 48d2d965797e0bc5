package dev.layerfit.cli;

/** A command that takes the {@link CommonOptions} ({@code --json}, {@code --quiet}, ...); CommandTree adds them. */
public interface HasCommonOptions {

    /** The object the options set. */
    CommonOptions common();
}
