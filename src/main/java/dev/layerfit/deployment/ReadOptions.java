package dev.layerfit.deployment;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.pipeline.IndexSettings;
import java.util.List;
import java.util.Map;

/**
 * What the command line tells a reader. Each reader uses what applies to its framework and ignores the rest.
 *
 * @param stage          a stage (Chalice, Serverless) or null for the framework's default
 * @param parameters     template parameter overrides ({@code --parameter-overrides K=V}) and variables
 * @param region         the region to deploy to (pseudo parameters, ARNs), or null
 * @param account        the account id (pseudo parameters), or null
 * @param target         the Python to build requirements for when the user chose one ({@code --runtime}, …), or
 *                       null to let the reader decide as the framework does
 * @param index          index settings for what is built from requirements
 * @param toolVersion    layerfit's version (build cache keys)
 * @param artifacts      local copies the user mapped ({@code --layer ARN=PATH}, {@code layerfit.json})
 * @param deployCommand  how the project is deployed, for readers whose packaging differs between commands
 *                       (Chalice: {@code deploy} sends zips inline, {@code package} goes through S3); null for
 *                       the framework's default
 * @param extra          reader-specific flags by name (for options only one reader knows)
 */
public record ReadOptions(String stage, Map<String, String> parameters, String region, String account,
        PythonTarget target, IndexSettings index, String toolVersion, ArtifactMap artifacts, String deployCommand,
        Map<String, List<String>> extra) {

    public ReadOptions {
        parameters = Map.copyOf(parameters);
        extra = Map.copyOf(extra);
    }
}
