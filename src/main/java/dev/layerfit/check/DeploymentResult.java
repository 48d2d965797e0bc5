package dev.layerfit.check;

import dev.layerfit.deployment.Deployment;
import java.util.List;

/**
 * The outcome of checking a deployment: one result per function, in the deployment's order.
 *
 * @param deployment what was checked
 * @param functions  each function's result
 */
public record DeploymentResult(Deployment deployment, List<FunctionResult> functions) {

    public DeploymentResult {
        functions = List.copyOf(functions);
    }

    /** True when every function fits (or is outside the zip limits). */
    public boolean fits() {
        return functions.stream().allMatch(FunctionResult::fits);
    }

    /** The checked functions' results. */
    public List<CheckResult> checked() {
        return functions.stream().filter(FunctionResult::checked).map(FunctionResult::result).toList();
    }

    /** The only checked function's result, when exactly one function was checked and none skipped. */
    public CheckResult single() {
        return functions.size() == 1 && functions.get(0).checked() ? functions.get(0).result() : null;
    }
}
