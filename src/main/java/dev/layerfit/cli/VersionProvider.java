package dev.layerfit.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest (for picocli: {@code --version} beside other arguments). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return ToolVersion.lines();
    }
}
