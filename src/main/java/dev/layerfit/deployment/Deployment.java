package dev.layerfit.deployment;

import java.util.List;

/**
 * Everything one deploy of a project creates that Lambda size-checks: its functions, in the order the project
 * defines them.
 *
 * @param description what was read, for report headers ("Chalice app shuking, stage prod")
 * @param deployTool  the command that deploys it, for messages ("chalice deploy", "sam deploy"); how it uploads
 *                    is already in each {@link Artifact#directUpload()}
 * @param functions   the functions, in definition order
 * @param notes       caveats that apply to the whole deployment (one sentence each)
 */
public record Deployment(String description, String deployTool, List<LambdaFunction> functions, List<String> notes) {

    public Deployment {
        functions = List.copyOf(functions);
        notes = List.copyOf(notes);
    }

    /** Only the named function; a name the deployment does not define is bad input that lists the names it does. */
    public Deployment only(String functionName) {
        List<LambdaFunction> match = functions.stream().filter(f -> f.name().equals(functionName)).toList();
        if (match.isEmpty()) {
            throw new dev.layerfit.error.BadInputException("function '" + functionName + "' is not in " + description
                    + "; its functions are " + String.join(", ", functions.stream().map(LambdaFunction::name).toList())
                    + " (choose one with --function, or leave it out to check them all)");
        }
        return new Deployment(description, deployTool, match, notes);
    }
}
