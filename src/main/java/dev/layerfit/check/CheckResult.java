package dev.layerfit.check;

import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.inventory.DuplicateReport;
import dev.layerfit.lambda.LimitVerdict;
import java.util.List;

/**
 * The outcome of checking one function.
 *
 * @param deployment what was read ("Chalice app shuking, stage prod")
 * @param deployTool the command that deploys it ("chalice deploy")
 * @param function   the function as the deployment defines it
 * @param artifacts  in the order Lambda stacks them: the layers, then the function code
 * @param verdict    every limit and the AWS errors a deploy would meet
 * @param duplicates distributions and files shipped in more than one artifact
 * @param advice     what to change, blockers first, then by bytes saved
 * @param projectedUnzippedBytes the unzipped total if every saving in {@code advice} were taken
 * @param notes      caveats about what was measured (one sentence each)
 */
public record CheckResult(String deployment, String deployTool, LambdaFunction function,
        List<DeploymentArtifact> artifacts, LimitVerdict verdict, DuplicateReport duplicates, List<Advice> advice,
        long projectedUnzippedBytes, List<String> notes) {

    public CheckResult {
        artifacts = List.copyOf(artifacts);
        advice = List.copyOf(advice);
        notes = List.copyOf(notes);
    }

    public boolean fits() {
        return verdict.fits();
    }

    /** The function's name. */
    public String functionName() {
        return function.name();
    }
}
