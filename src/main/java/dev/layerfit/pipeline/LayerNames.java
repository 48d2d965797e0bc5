package dev.layerfit.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to call the layer planned from each requirements file: its path relative to the current folder
 * ({@code services/api/requirements.txt}; for a file outside it, its name when that is unique), or, when every file has the same name and their folders' names differ,
 * the folder's name ({@code api}) — four layers called "requirements.txt" tell a reader nothing.
 */
final class LayerNames {

    private LayerNames() {
    }

    /** A name for each file, in the files' order. */
    static Map<Path, String> of(List<Path> files, Path currentFolder) {
        Path here = currentFolder.toAbsolutePath().normalize();
        Map<Path, String> names = new LinkedHashMap<>();
        boolean sameFileName = files.stream().map(f -> f.getFileName().toString()).distinct().count() == 1;
        List<String> folders = files.stream().map(f -> folderName(f, here)).toList();
        boolean foldersDiffer = folders.stream().distinct().count() == files.size() && !folders.contains("");
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String fileName = f.getFileName().toString();
            boolean uniqueFileName = files.stream().filter(g -> g.getFileName().toString().equals(fileName)).count() == 1;
            names.putIfAbsent(f, files.size() > 1 && sameFileName && foldersDiffer ? folders.get(i) : relative(f, here, uniqueFileName));
        }
        return names;
    }

    private static String folderName(Path file, Path here) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    /** The path from the current folder; for a file outside it, its name when no other file has it, else the full path. */
    private static String relative(Path file, Path here, boolean uniqueFileName) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(here) ? here.relativize(abs) : uniqueFileName ? abs.getFileName() : abs;
        return rel.toString().replace('\\', '/');
    }
}
