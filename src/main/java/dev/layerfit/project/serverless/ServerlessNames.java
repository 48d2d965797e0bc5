package dev.layerfit.project.serverless;

/**
 * The CloudFormation logical ids the Serverless Framework gives a service's functions and layers. Facts from
 * serverless v3's {@code lib/plugins/aws/lib/naming.js}: {@code getNormalizedFunctionName} replaces '-' with
 * "Dash" and '_' with "Underscore" and upper-cases the first letter; {@code getLambdaLogicalId} appends
 * "LambdaFunction", {@code getLambdaLayerLogicalId} "LambdaLayer".
 */
final class ServerlessNames {

    private ServerlessNames() {
    }

    static String normalized(String name) {
        String n = name.replace("-", "Dash").replace("_", "Underscore");
        return n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static String functionLogicalId(String function) {
        return normalized(function) + "LambdaFunction";
    }

    static String layerLogicalId(String layer) {
        return normalized(layer) + "LambdaLayer";
    }
}
