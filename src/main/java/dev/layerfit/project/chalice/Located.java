package dev.layerfit.project.chalice;

/** A value read from the config together with where it was written. */
public record Located<T>(T value, SettingOrigin origin) {
}
