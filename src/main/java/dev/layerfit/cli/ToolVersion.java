package dev.layerfit.cli;

/** layerfit's version from the jar manifest, or "dev" when run from classes. */
final class ToolVersion {

    private ToolVersion() {
    }

    static String get() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** What {@code layerfit --version} prints: the tool's version and the Java it runs on. */
    static String[] lines() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"layerfit " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** True when the arguments ask only for the version ({@code --version} or {@code -V}, nothing else). */
    static boolean onlyAsked(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (String a : args) {
            if (!a.equals("-V") && !a.equals("--version")) {
                return false;
            }
        }
        return true;
    }
}
