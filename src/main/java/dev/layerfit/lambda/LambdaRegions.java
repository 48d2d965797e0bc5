package dev.layerfit.lambda;

import java.util.List;

/**
 * The commercial AWS regions where Lambda runs, for {@code audit --all-regions}. Fact: the region list of the AWS
 * General Reference "AWS Lambda endpoints and quotas" page (commercial partition; opt-in regions included — a
 * region the account has not opted into answers with an authorization error, which audit reports for that region
 * and goes on).
 */
public final class LambdaRegions {

    private LambdaRegions() {
    }

    public static final List<String> COMMERCIAL = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1",
            "eu-south-2",
            "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
            "sa-east-1");
}
