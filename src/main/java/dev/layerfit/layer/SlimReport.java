package dev.layerfit.layer;

import java.util.List;

/**
 * The bytes and files each rule removed, in rule order (rules that removed nothing are left out), and notes
 * (warnings and things not done, one sentence each).
 */
public record SlimReport(List<RuleResult> removed, List<String> notes) {

    public SlimReport {
        removed = List.copyOf(removed);
        notes = List.copyOf(notes);
    }

    /** Bytes removed by all rules together. */
    public long totalBytes() {
        return removed.stream().mapToLong(RuleResult::bytes).sum();
    }
}
