package dev.layerfit.lambda;

/**
 * The AWS Lambda errors about code size, layer count and storage that layerfit recognises and predicts.
 * {@link #id()} is the stable name used in JSON ({@code "error"}); {@link #wording()} is the AWS text with
 * placeholders for its numbers (wordings from lambda-facts.md: AWS documentation, emulator snapshots, user reports).
 */
public enum AwsError {
    ZIPPED_SIZE_TOO_LARGE("zipped-size-too-large", "Zipped size must be smaller than {limitBytes} bytes"),
    REQUEST_TOO_LARGE("request-too-large", "Request must be smaller than {limitBytes} bytes for the {operation} operation"),
    REQUEST_ENTITY_TOO_LARGE("request-entity-too-large", "RequestEntityTooLargeException / status code 413 (no size in the text)"),
    UNZIPPED_ARTIFACT_TOO_LARGE("unzipped-artifact-too-large", "Unzipped size must be smaller than 262144000 bytes"),
    FUNCTION_TOO_LARGE_FOR_LAYERS("function-too-large-for-layers", "Unzipped size must be smaller than {limitBytes} bytes"),
    LAYERS_CONSUME_TOO_MUCH("layers-consume-too-much", "Layers consume more than the available size of {limitBytes} bytes"),
    COMBINED_SIZE_EXCEEDED("combined-size-exceeded",
            "Function code combined with layers exceeds the maximum allowed size of {limitBytes} bytes. The actual size is {actualBytes} bytes"),
    CODE_UNCOMPRESSED_TOO_LARGE("code-uncompressed-too-large", "Code uncompressed size is greater than max allowed size of {limitBytes}"),
    TOO_MANY_LAYERS("too-many-layers", "Cannot reference more than {maxLayers} layers"),
    NOT_A_ZIP("not-a-zip", "Could not unzip uploaded file"),
    CODE_STORAGE_EXCEEDED("code-storage-exceeded", "Code storage limit exceeded (CodeStorageExceededException)"),
    /** Chalice's own wording (chalice/deploy/deployer.py, DeploymentPackageTooLargeError), not Lambda's. */
    DEPLOYMENT_PACKAGE_TOO_LARGE("deployment-package-too-large",
            "Lambda only allows deployment packages that are {limitMB} MB or less in size (Chalice, DeploymentPackageTooLargeError)");

    private final String id;
    private final String wording;

    AwsError(String id, String wording) {
        this.id = id;
        this.wording = wording;
    }

    /** The stable kebab-case name of this error. */
    /** The exception type Lambda's API returns with this message (the class name an SDK or CLI prints). */
    public String exceptionName() {
        return switch (this) {
            case ZIPPED_SIZE_TOO_LARGE, REQUEST_TOO_LARGE, REQUEST_ENTITY_TOO_LARGE -> "RequestEntityTooLargeException";
            case CODE_STORAGE_EXCEEDED -> "CodeStorageExceededException";
            case DEPLOYMENT_PACKAGE_TOO_LARGE -> "DeploymentPackageTooLargeError";
            default -> "InvalidParameterValueException";
        };
    }

    public String id() {
        return id;
    }

    /** The AWS wording with {@code {placeholders}} for its numbers. */
    public String wording() {
        return wording;
    }
}
