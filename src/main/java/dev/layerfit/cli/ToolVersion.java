package dev.layerfit.cli;

/** layerfit's version from the jar manifest, or "dev" when run from classes. */
final class ToolVersion {

    private ToolVersion() {
    }

    static String get() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
