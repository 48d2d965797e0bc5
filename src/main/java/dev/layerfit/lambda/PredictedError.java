package dev.layerfit.lambda;

/**
 * The error AWS would answer a deployment with, filled with this deployment's numbers.
 *
 * @param error which AWS error
 * @param message the AWS wording with numbers ({@code Unzipped size must be smaller than 85207199 bytes})
 * @param why when Lambda raises it and why this one (and not a sibling wording) applies
 */
public record PredictedError(AwsError error, String message, String why) {
}
