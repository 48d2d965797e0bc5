package dev.layerfit.aws;

import java.util.List;

/** Lambda functions of one region: read one, or list them all. {@link SdkFunctionStore} talks to AWS (or moto). */
public interface FunctionStore {

    /** The function with its code's Location (lambda:GetFunction). */
    DeployedFunction get(String nameOrArn);

    /** Every function of the region, without code locations (lambda:ListFunctions, all pages). */
    List<DeployedFunction> list();
}
