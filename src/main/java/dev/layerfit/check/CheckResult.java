package dev.layerfit.check;

import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.lambda.LimitVerdict;
import dev.layerfit.project.chalice.ResolvedSettings;
import java.util.List;

/**
 * The outcome of checking a deployment.
 *
 * @param settings   the Chalice settings the check used (stage, function, layers, automatic_layer)
 * @param artifacts  in the order Lambda stacks them: managed layer, manual layers, then the function code
 * @param verdict    every limit and the AWS errors a deploy would meet
 * @param duplicates distributions and files shipped in more than one artifact
 * @param advice     what to change, blockers first, then by bytes saved
 * @param projectedUnzippedBytes the unzipped total if every saving in {@code advice} were taken
 * @param notes      caveats about what was measured (one sentence each)
 */
public record CheckResult(ResolvedSettings settings, List<DeploymentArtifact> artifacts, LimitVerdict verdict,
        DuplicateReport duplicates, List<Advice> advice, long projectedUnzippedBytes, List<String> notes) {

    public CheckResult {
        artifacts = List.copyOf(artifacts);
        advice = List.copyOf(advice);
        notes = List.copyOf(notes);
    }

    public boolean fits() {
        return verdict.fits();
    }
}
