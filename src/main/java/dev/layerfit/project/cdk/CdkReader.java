package dev.layerfit.project.cdk;

import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an AWS CDK app's cloud assembly — what {@code cdk synth} writes to {@code cdk.out/} — into the deployment
 * model: every {@code AWS::Lambda::Function} of every stack and nested stack, its layers in order and its code,
 * each resolved to the staged asset ({@code asset.<hash>} folder or zip) CDK will upload. Given either the
 * {@code cdk.out} folder itself or the app folder holding it. The app is never run: synthesize first.
 */
public final class CdkReader implements DeploymentReader {

    /** The folder {@code cdk synth} writes by default. */
    static final String DEFAULT_OUTPUT = "cdk.out";

    @Override
    public String kind() {
        return "cdk";
    }

    @Override
    public List<String> markers(Path dir) {
        if (isAssembly(dir)) {
            return List.of("manifest.json", "cdk.out");
        }
        if (isAssembly(dir.resolve(DEFAULT_OUTPUT))) {
            return List.of(DEFAULT_OUTPUT + "/manifest.json");
        }
        if (Files.isRegularFile(dir.resolve("cdk.json"))) {
            return List.of("cdk.json");
        }
        return List.of();
    }

    /** A cloud assembly has a manifest.json and the {@code cdk.out} version file CDK writes beside it. */
    private static boolean isAssembly(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.json")) && Files.isRegularFile(dir.resolve("cdk.out"));
    }

    @Override
    public Deployment read(Path dir, ReadOptions options) {
        Path assemblyDir = isAssembly(dir) ? dir : dir.resolve(DEFAULT_OUTPUT);
        if (!Files.isRegularFile(assemblyDir.resolve("manifest.json"))) {
            throw new BadInputException(dir + " holds no cloud assembly (" + assemblyDir.resolve("manifest.json")
                    + " is missing): run cdk synth first, then check the cdk.out folder it writes");
        }
        CloudAssembly assembly = CloudAssembly.read(assemblyDir);
        List<String> notes = new ArrayList<>(assembly.notes());
        List<LambdaFunction> functions = new ArrayList<>();
        List<String> stackIds = new ArrayList<>();
        for (CloudAssembly.Stack stack : assembly.stacks()) {
            stackIds.add(stack.id());
            functions.addAll(StackTemplate.functions(assembly, stack, notes));
        }
        if (functions.isEmpty()) {
            notes.add("no stack of " + assemblyDir + " defines a Lambda function");
        }
        return new Deployment("CDK cloud assembly " + assemblyDir + " (schema " + assembly.version() + "; "
                + (stackIds.size() == 1 ? "stack " : "stacks ") + String.join(", ", stackIds) + ")",
                "cdk deploy", functions, notes);
    }
}
