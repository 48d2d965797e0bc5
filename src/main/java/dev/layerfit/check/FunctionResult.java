package dev.layerfit.check;

import dev.layerfit.deployment.LambdaFunction;

/**
 * One function's part of a check: its result, or why it was not checked (an image function, an artifact that
 * cannot be measured).
 *
 * @param function   the function
 * @param result     the check, or null when it was not checked
 * @param notChecked why it was not checked (one sentence), or null
 * @param failure    the exit code that failure means (2 bad input, 3 network), or 0 when it is not a failure
 *                   (an image function is simply outside the zip limits)
 */
public record FunctionResult(LambdaFunction function, CheckResult result, String notChecked, int failure) {

    public static FunctionResult checked(CheckResult result) {
        return new FunctionResult(result.function(), result, null, 0);
    }

    public boolean checked() {
        return result != null;
    }

    /** True when it was checked and fits, or is outside the zip limits (an image). */
    public boolean fits() {
        return result != null ? result.fits() : failure == 0;
    }
}
