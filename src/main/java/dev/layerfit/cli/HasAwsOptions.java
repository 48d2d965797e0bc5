package dev.layerfit.cli;

/** A command that talks to AWS and takes the {@link AwsOptions}; CommandTree adds them. */
public interface HasAwsOptions {

    /** The object the options set. */
    AwsOptions aws();
}
