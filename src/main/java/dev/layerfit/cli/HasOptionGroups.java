package dev.layerfit.cli;

import java.util.List;

/** A command that takes shared {@link OptionGroup}s; {@link CommandTree} adds them after the command's own options. */
public interface HasOptionGroups {

    /** The groups, in the order their options are listed. */
    List<OptionGroup> optionGroups();
}
