package dev.layerfit.aws;

import java.util.List;

/**
 * Which versions of a layer {@code layers prune} keeps and deletes.
 *
 * @param name       the layer
 * @param keepNewest the newest versions kept by {@code --keep}
 * @param referenced older versions kept because the project config references them
 * @param delete     the versions to delete, newest first
 */
public record PrunePlan(String name, List<LayerVersion> keepNewest, List<LayerVersion> referenced,
        List<LayerVersion> delete) {

    /** Splits {@code versions} (any order): the {@code keep} newest stay, as does any version in {@code protectedVersions}. */
    public static PrunePlan of(String name, List<LayerVersion> versions, int keep, java.util.Set<Long> protectedVersions) {
        List<LayerVersion> sorted = versions.stream()
                .sorted(java.util.Comparator.comparingLong(LayerVersion::version).reversed()).toList();
        List<LayerVersion> newest = sorted.subList(0, Math.min(keep, sorted.size()));
        List<LayerVersion> older = sorted.subList(newest.size(), sorted.size());
        List<LayerVersion> referenced = older.stream().filter(v -> protectedVersions.contains(v.version())).toList();
        List<LayerVersion> delete = older.stream().filter(v -> !protectedVersions.contains(v.version())).toList();
        return new PrunePlan(name, List.copyOf(newest), referenced, delete);
    }
}
