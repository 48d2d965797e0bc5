package dev.layerfit.audit;

import java.util.List;

/**
 * An audit: every function of the regions asked, sorted by headroom (the fullest first), and the regions that
 * could not be listed.
 *
 * @param rows          one per function
 * @param regionErrors  "eu-south-2: …" for each region that could not be listed
 * @param layerVersions how many distinct layer versions were measured (each once, however many functions use it)
 */
public record AuditResult(List<AuditRow> rows, List<String> regionErrors, int layerVersions) {

    public AuditResult {
        rows = List.copyOf(rows);
        regionErrors = List.copyOf(regionErrors);
    }
}
