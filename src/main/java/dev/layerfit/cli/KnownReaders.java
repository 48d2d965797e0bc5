package dev.layerfit.cli;

import dev.layerfit.deployment.DeploymentReaders;
import dev.layerfit.project.cdk.CdkReader;
import dev.layerfit.project.chalice.ChaliceReader;
import dev.layerfit.project.cloudformation.CloudFormationReader;
import dev.layerfit.project.sam.SamReader;
import dev.layerfit.project.serverless.ServerlessReader;
import dev.layerfit.project.terraform.TerraformReader;
import java.util.List;

/** The framework readers {@code check} chooses from (one line per framework). */
final class KnownReaders {

    private KnownReaders() {
    }

    static DeploymentReaders all() {
        return new DeploymentReaders(List.of(
                new ChaliceReader(),
                new SamReader(),
                new CloudFormationReader(),
                new TerraformReader(),
                new ServerlessReader(),
                new CdkReader()));
    }
}
