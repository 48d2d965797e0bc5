package dev.layerfit.aws;

import dev.layerfit.error.LayerfitException;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns an SDK exception into one sentence that says what went wrong and what to do. Uses only error codes,
 * status codes and the operation's IAM action: the SDK's messages are not echoed where they could carry request
 * details, and credentials never are.
 */
public final class AwsErrors {

    static final String CONFIGURE = "configure credentials with `aws configure`, AWS_PROFILE or --profile, or the "
            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables";

    private AwsErrors() {
    }

    /**
     * @param e         what the SDK threw
     * @param iamAction the IAM action of the call, e.g. {@code lambda:PublishLayerVersion}
     * @param target    what was asked for (a layer name, an ARN, s3://bucket/key), for the message
     */
    public static LayerfitException translate(SdkException e, String iamAction, String target) {
        if (e instanceof AwsServiceException s) {
            return translateService(s, iamAction, target);
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("Unable to load credentials") || msg.contains("credentials") && msg.contains("profile")
                || msg.contains("Access key must be specified") || msg.contains("Unable to load region")) {
            return new AwsCredentialsException("no AWS credentials were found for " + iamAction + " on " + target
                    + "; " + CONFIGURE, e);
        }
        if (e instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException
                || e instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException) {
            return new AwsException("AWS did not answer " + iamAction + " on " + target + " in time (the request "
                    + "deadline passed); check the network and --endpoint-url, or raise --timeout, then try again", e);
        }
        if (hasCause(e, IOException.class)) {
            return new AwsException("could not reach AWS for " + iamAction + " on " + target + " ("
                    + dev.layerfit.error.ExceptionWords.describe(rootCause(e)) + "); check the network, --region and --endpoint-url, "
                    + "then try again", e);
        }
        return new AwsException(iamAction + " on " + target + " failed in the AWS SDK ("
                + dev.layerfit.error.ExceptionWords.describe(e) + "); run again with --debug for details", e);
    }

    private static LayerfitException translateService(AwsServiceException s, String iamAction, String target) {
        String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
        int status = s.statusCode();
        String c = code == null ? "" : code;
        if (s.isThrottlingException() || status == 429 || c.contains("Throttl") || c.equals("TooManyRequestsException")
                || c.equals("SlowDown")) {
            return new AwsThrottledException("AWS throttled " + iamAction + " on " + target
                    + " and the SDK's retries with backoff did not get through; wait a minute and run again", s);
        }
        if (status == 403 && (c.contains("AccessDenied") || c.isEmpty() || c.contains("Unauthorized")
                || c.contains("Forbidden"))) {
            return new AwsAccessDeniedException("access denied: the credentials in use may not perform " + iamAction
                    + " on " + target + "; grant " + iamAction + " in the IAM policy of that user or role", s);
        }
        if (c.equals("UnrecognizedClientException") || c.equals("InvalidClientTokenId")
                || c.equals("InvalidAccessKeyId") || c.equals("SignatureDoesNotMatch") || c.equals("ExpiredToken")
                || c.equals("ExpiredTokenException")) {
            return new AwsCredentialsException("AWS rejected the credentials (" + c + ") for " + iamAction + " on "
                    + target + "; refresh them (e.g. `aws sso login`) or " + CONFIGURE, s);
        }
        if (status == 413 || c.equals("RequestEntityTooLargeException")) {
            return new UploadTooLargeException("Lambda refused the inline upload to " + target + " as too large (HTTP 413"
                    + (code == null ? "" : " " + code) + "); upload through S3 instead with --s3-bucket BUCKET "
                    + "(a bucket in the same region)", s);
        }
        if (status == 404 || c.equals("ResourceNotFoundException") || c.equals("NoSuchBucket")) {
            return new LayerNotFoundException(target + " does not exist in the account and region in use ("
                    + (code == null ? "HTTP 404" : code) + "); check the name, version, account and --region", s);
        }
        return new AwsException(iamAction + " on " + target + " failed: " + (code == null ? "HTTP " + status : code)
                + " (HTTP " + status + "); run again with --debug for details", s);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
