package dev.layerfit.project.deployed;

import dev.layerfit.aws.DeployedFunction;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions already deployed, as the deployment model: each function's code and layers are the published versions
 * (measured by ranged reads, each layer version once however many functions use it). A deployed function is already
 * uploaded, so nothing is held to the direct-upload limit.
 */
public final class DeployedFunctions {

    private DeployedFunctions() {
    }

    /** The functions as one deployment described by {@code description} ("functions of 123456789012 in eu-west-1"). */
    public static Deployment toDeployment(String description, List<DeployedFunction> functions) {
        List<LambdaFunction> out = new ArrayList<>();
        for (DeployedFunction f : functions) {
            out.add(toFunction(f));
        }
        return new Deployment(description, "lambda:UpdateFunctionConfiguration", out, List.of());
    }

    static LambdaFunction toFunction(DeployedFunction f) {
        Architecture arch = Architecture.parse(f.architectures().get(0));
        if (f.image()) {
            return new LambdaFunction(f.name(), null, arch, PackageType.IMAGE, List.of(), null, null, List.of());
        }
        List<Artifact> layers = new ArrayList<>();
        for (String arn : f.layers()) {
            String name = LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn);
            layers.add(new Artifact(ArtifactRole.LAYER, arn, name, new ArtifactSource.Remote(arn), false, null, null));
        }
        Artifact code = new Artifact(ArtifactRole.FUNCTION, f.functionArn(), "function",
                new ArtifactSource.Remote(f.functionArn()), false, null, null);
        return new LambdaFunction(f.name(), f.runtime(), arch, PackageType.ZIP, layers, code,
                (SourceLocation) null, List.of());
    }
}
