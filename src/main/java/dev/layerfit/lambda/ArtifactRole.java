package dev.layerfit.lambda;

/** What an artifact is to a function. {@link #jsonName()} is the {@code role} value of the check JSON. */
public enum ArtifactRole {
    /** The function's own deployment package. */
    FUNCTION("function"),
    /** The layer Chalice builds from requirements.txt when {@code automatic_layer} is on. */
    MANAGED_LAYER("managed-layer"),
    /** Any other layer the function references. */
    LAYER("layer");

    private final String jsonName;

    ArtifactRole(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean isLayer() {
        return this != FUNCTION;
    }
}
