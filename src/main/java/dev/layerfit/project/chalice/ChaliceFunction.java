package dev.layerfit.project.chalice;

import dev.layerfit.deployment.SourceLocation;

/**
 * One Lambda function a Chalice app deploys, as {@code ApplicationGraphBuilder} (chalice/deploy/deployer.py) names
 * it: the REST API's routes share one function, resource {@code api_handler}, named {@code {app_name}-{stage}}
 * ({@code _create_rest_api_model}); every other handler gets {@code _create_lambda_model}'s
 * {@code {app_name}-{stage}-{name}}, {@code name} being the decorator's {@code name=} (with a blueprint's
 * {@code name_prefix}) or the Python function's name; websocket handlers are {@code websocket_connect},
 * {@code websocket_message} and {@code websocket_disconnect} ({@code _create_websocket_api_model}).
 *
 * @param resourceName the name Chalice's config uses for it ({@code lambda_functions} key)
 * @param kind         the decorator ({@code route}, {@code lambda_function}, {@code schedule}, ...)
 * @param definedAt    where the handler is defined
 */
public record ChaliceFunction(String resourceName, String kind, SourceLocation definedAt) {

    /** The deployed function name. */
    public String lambdaName(String appName, String stage) {
        return ChaliceConfig.API_HANDLER.equals(resourceName) ? appName + "-" + stage : appName + "-" + stage + "-" + resourceName;
    }
}
