package dev.layerfit.deployment;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads one framework's project (or build output) into a {@link Deployment}. One implementation per framework,
 * each in its own {@code project.*} package; {@link DeploymentReaders} lists them and picks one for a folder.
 */
public interface DeploymentReader {

    /** The {@code --kind} name: {@code chalice}, {@code sam}, {@code serverless}, {@code cdk}, {@code terraform}, … */
    String kind();

    /**
     * The files in {@code dir} that show it is this framework's project (relative names, for "found X and Y:
     * pass --kind"); empty when it is not.
     */
    List<String> markers(Path dir);

    /**
     * True for a reader of a format other frameworks also produce (plain CloudFormation templates are what the CDK,
     * SAM and the Serverless Framework emit): when a specific framework's markers are there too, it gives way.
     */
    default boolean generic() {
        return false;
    }

    /**
     * Reads the deployment.
     *
     * @throws dev.layerfit.error.BadInputException when the project cannot be read (one sentence, file:line)
     */
    Deployment read(Path dir, ReadOptions options);
}
