package dev.layerfit.inventory;

/**
 * A jar's distribution name and version from its file name, Maven style: the version starts at the first
 * '-' followed by a digit ({@code jackson-databind-2.17.1.jar} → {@code jackson-databind} 2.17.1,
 * {@code guava-33.0.0-jre.jar} → {@code guava} 33.0.0-jre); without one the version is null.
 */
record JarName(String name, String version) {

    static JarName of(String fileName) {
        String stem = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
        for (int i = 1; i + 1 < stem.length(); i++) {
            if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
                return new JarName(stem.substring(0, i), stem.substring(i + 1));
            }
        }
        return new JarName(stem, null);
    }
}
