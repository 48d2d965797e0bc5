package dev.layerfit.inventory;

/** Which runtime's module search path a site root belongs to. */
public enum Ecosystem {
    PYTHON,
    NODE,
    JAVA,
    /** Outside every site root (a layer's {@code bin/}, {@code lib/}, stray files). */
    NONE
}
