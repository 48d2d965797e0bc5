package dev.layerfit.inventory;

/** How a distribution was recognised; the labels are part of the JSON contract. */
public enum AttributedBy {
    /** A {@code *.dist-info/RECORD} lists its files. */
    RECORD("record"),
    /** A {@code *.dist-info} without RECORD; files found through its {@code top_level.txt}. */
    TOP_LEVEL("top_level"),
    /** A legacy {@code *.egg-info} (its {@code installed-files.txt} and {@code top_level.txt}). */
    EGG_INFO("egg-info"),
    /** No metadata: a pseudo-distribution named after the top-level folder or module. */
    FOLDER("folder"),
    /** A Node.js package recognised by its {@code package.json}. */
    PACKAGE_JSON("package.json"),
    /** A jar in {@code java/lib/}, named from its file name. */
    JAR("jar"),
    /** Files directly in the root of a function zip (the user's own code). */
    FUNCTION("function");

    private final String label;

    AttributedBy(String label) {
        this.label = label;
    }

    /** The name used in reports and JSON, e.g. {@code "top_level"}. */
    public String label() {
        return label;
    }
}
