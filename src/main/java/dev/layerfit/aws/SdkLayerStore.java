package dev.layerfit.aws;

import dev.layerfit.error.BadInputException;
import dev.layerfit.deployment.LayerArn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.LayersListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/** {@link LayerStore} on the AWS SDK v2 Lambda client. The client is owned by the caller. */
public final class SdkLayerStore implements LayerStore {

    private final LambdaClient lambda;

    public SdkLayerStore(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public LayerVersion publish(String name, String description, List<String> runtimes, List<String> architectures,
            LayerContent content) {
        LayerVersionContentInput.Builder in = LayerVersionContentInput.builder();
        if (content instanceof LayerContent.Inline inline) {
            try {
                in.zipFile(SdkBytes.fromByteArrayUnsafe(java.nio.file.Files.readAllBytes(inline.zip())));
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot read " + inline.zip() + " (" + dev.layerfit.error.ExceptionWords.describe(e) + "); check the path", e);
            }
        } else if (content instanceof LayerContent.S3Object s3) {
            in.s3Bucket(s3.bucket()).s3Key(s3.key());
        }
        try {
            PublishLayerVersionResponse r = lambda.publishLayerVersion(b -> b.layerName(name).description(description)
                    .compatibleRuntimesWithStrings(runtimes).compatibleArchitecturesWithStrings(architectures)
                    .content(in.build()));
            return new LayerVersion(r.layerVersionArn(), name, r.version(), r.description(), r.createdDate(),
                    r.compatibleRuntimesAsStrings(), r.compatibleArchitecturesAsStrings(),
                    r.content() == null ? null : r.content().codeSha256(),
                    r.content() == null || r.content().codeSize() == null ? -1 : r.content().codeSize(),
                    r.content() == null ? null : r.content().location());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:PublishLayerVersion", "layer " + name);
        }
    }

    @Override
    public LayerVersion getLayerVersionByArn(String layerVersionArn) {
        LayerArn arn = LayerArn.parse(layerVersionArn).orElseThrow(() -> new BadInputException("'" + layerVersionArn
                + "' is not a layer version ARN; give one like arn:aws:lambda:us-east-1:123456789012:layer:NAME:3"));
        String layerArn = layerVersionArn.substring(0, layerVersionArn.lastIndexOf(':'));
        try {
            // GetLayerVersion with the layer's ARN works across accounts like GetLayerVersionByArn (same IAM action).
            GetLayerVersionResponse r = lambda.getLayerVersion(b -> b.layerName(layerArn).versionNumber(arn.version()));
            return new LayerVersion(r.layerVersionArn(), arn.name(), r.version(), r.description(), r.createdDate(),
                    r.compatibleRuntimesAsStrings(), r.compatibleArchitecturesAsStrings(),
                    r.content() == null ? null : r.content().codeSha256(),
                    r.content() == null || r.content().codeSize() == null ? -1 : r.content().codeSize(),
                    r.content() == null ? null : r.content().location());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:GetLayerVersion", layerVersionArn);
        }
    }

    @Override
    public List<LayerVersion> listVersions(String name) {
        List<LayerVersion> out = new ArrayList<>();
        try {
            for (LayerVersionsListItem v : lambda.listLayerVersionsPaginator(b -> b.layerName(name)).layerVersions()) {
                out.add(item(name, v));
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:ListLayerVersions", "layer " + name);
        }
        out.sort(Comparator.comparingLong(LayerVersion::version).reversed());
        return out;
    }

    @Override
    public List<LayerVersion> listLayers() {
        List<LayerVersion> out = new ArrayList<>();
        try {
            for (LayersListItem l : lambda.listLayersPaginator(b -> { }).layers()) {
                if (l.latestMatchingVersion() != null) {
                    out.add(item(l.layerName(), l.latestMatchingVersion()));
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:ListLayers", "this region");
        }
        out.sort(Comparator.comparing(LayerVersion::layerName));
        return out;
    }

    @Override
    public void deleteVersion(String name, long version) {
        try {
            lambda.deleteLayerVersion(b -> b.layerName(name).versionNumber(version));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:DeleteLayerVersion", "layer " + name + " version " + version);
        }
    }

    private static LayerVersion item(String name, LayerVersionsListItem v) {
        return new LayerVersion(v.layerVersionArn(), name, v.version(), v.description(), v.createdDate(),
                v.compatibleRuntimesAsStrings(), v.compatibleArchitecturesAsStrings(), null, -1, null);
    }
}
