package dev.layerfit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder: filled in by the check work. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return ExitCodes.INTERNAL;
    }
}
