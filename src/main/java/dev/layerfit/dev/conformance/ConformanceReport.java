package dev.layerfit.dev.conformance;

import java.util.List;

/** The result of a conformance run: one entry per file. */
public record ConformanceReport(List<FileResult> files) {

    public ConformanceReport {
        files = List.copyOf(files);
    }

    /** True when no case failed. */
    public boolean ok() {
        return files.stream().allMatch(f -> f.failed() == 0);
    }

    public int failed() {
        return files.stream().mapToInt(FileResult::failed).sum();
    }

    public int passed() {
        return files.stream().mapToInt(FileResult::passed).sum();
    }
}
