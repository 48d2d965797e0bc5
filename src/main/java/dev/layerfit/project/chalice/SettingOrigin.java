package dev.layerfit.project.chalice;

/**
 * Where a resolved setting came from: the JSON path of the value in {@code .chalice/config.json} and its line and
 * column (1-based), or Chalice's default when no level of the config sets it.
 *
 * @param jsonPath e.g. {@code stages.prod.automatic_layer}; null for a default
 * @param line 1-based line of the value, 0 for a default
 * @param column 1-based column of the value, 0 for a default
 */
public record SettingOrigin(String jsonPath, int line, int column) {

    /** A value nobody set: Chalice's default applies. */
    public static final SettingOrigin DEFAULT = new SettingOrigin(null, 0, 0);

    public boolean isDefault() {
        return jsonPath == null;
    }

    /**
     * The object holding the value: {@code stages.prod} for {@code stages.prod.layers}, {@code ""} for a top-level key,
     * null for a default.
     */
    public String scope() {
        if (jsonPath == null) {
            return null;
        }
        int dot = jsonPath.lastIndexOf('.');
        return dot < 0 ? "" : jsonPath.substring(0, dot);
    }

    /** {@code stages.prod.automatic_layer (line 14)}, {@code automatic_layer (line 3)} or {@code Chalice's default}. */
    public String describe() {
        return isDefault() ? "Chalice's default" : jsonPath + " (line " + line + ")";
    }
}
