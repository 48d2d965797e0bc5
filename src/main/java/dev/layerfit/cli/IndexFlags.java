package dev.layerfit.cli;

import dev.layerfit.pipeline.IndexSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** pip's index flags, for commands that fetch wheels ({@code build}, {@code plan}, {@code check}): an {@link OptionGroup}. */
public final class IndexFlags implements OptionGroup {

    String indexUrl;
    List<String> extraIndexUrls = new ArrayList<>();
    List<String> findLinks = new ArrayList<>();
    boolean noIndex;
    boolean pre;

    @Override
    public CommandSpec mixin(CommandSpec command) {
        CommandSpec mixin = OptionSpecs.mixin();
        mixin.addOption(OptionSpecs.value(String.class, "URL", "The main index, replacing the configured one.", v -> indexUrl = v,
                "-i", "--index-url"));
        mixin.addOption(OptionSpecs.values(String.class, "URL", "A further index (repeatable).", v -> extraIndexUrls = v,
                "--extra-index-url"));
        mixin.addOption(OptionSpecs.values(String.class, "DIR|URL", "A folder or page listing files (repeatable).",
                v -> findLinks = v, "-f", "--find-links"));
        mixin.addOption(OptionSpecs.flag("Ignore every index URL; use --find-links only.", v -> noIndex = v, "--no-index"));
        mixin.addOption(OptionSpecs.flag("Allow pre-releases.", v -> pre = v, "--pre"));
        return mixin;
    }

    /** The flags as the build package takes them. */
    public IndexSettings settings() {
        return new IndexSettings(indexUrl, extraIndexUrls, findLinks, noIndex, pre);
    }
}
