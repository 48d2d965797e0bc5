package dev.layerfit.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Layer;

/** {@link FunctionStore} on the AWS SDK v2 Lambda client. The client is owned by the caller. */
public final class SdkFunctionStore implements FunctionStore {

    private final LambdaClient lambda;
    private final String region;

    public SdkFunctionStore(LambdaClient lambda, String region) {
        this.lambda = lambda;
        this.region = region;
    }

    @Override
    public DeployedFunction get(String nameOrArn) {
        try {
            GetFunctionResponse r = lambda.getFunction(b -> b.functionName(nameOrArn));
            if (r.configuration() == null || r.configuration().functionName() == null) {
                throw new AwsException("lambda:GetFunction on " + nameOrArn + " answered without the function's configuration; "
                        + "check --endpoint-url, then try again", null);
            }
            return of(r.configuration(), r.code() == null ? null : r.code().location());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:GetFunction", nameOrArn);
        }
    }

    @Override
    public List<DeployedFunction> list() {
        List<DeployedFunction> out = new ArrayList<>();
        try {
            for (FunctionConfiguration c : lambda.listFunctionsPaginator(b -> b.maxItems(50)).functions()) {
                if (c != null && c.functionName() != null) {
                    out.add(of(c, null));
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "lambda:ListFunctions", "region " + region);
        }
        return out;
    }

    private DeployedFunction of(FunctionConfiguration c, String location) {
        return new DeployedFunction(c.functionArn(), c.functionName(), region, c.runtimeAsString(),
                c.architecturesAsStrings(), c.packageTypeAsString() == null ? "Zip" : c.packageTypeAsString(),
                c.layers() == null ? List.of() : c.layers().stream().map(Layer::arn).toList(), c.codeSha256(),
                c.codeSize() == null ? -1 : c.codeSize(), location);
    }
}
