package dev.layerfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.lambda.AwsError;
import dev.layerfit.lambda.ErrorExplainer;
import dev.layerfit.lambda.Explanation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerfit explain "AWS ERROR TEXT"}: says what a Lambda size error means for this deploy and what to do. */
@Command(name = "explain",
        header = "Explain an AWS Lambda size or layer error and what to do.", mixinStandardHelpOptions = true,
        description = {"Explains an AWS Lambda size, layer or storage error: what its numbers mean and what to do.",
            "Paste the whole line; prefixes from boto3, the AWS CLI, Chalice or the Java SDK are fine."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the error was recognised and explained", "2:the text holds no error layerfit knows"})
public final class ExplainCommand implements Callable<Integer>, HasOptionGroups {

    private static final ObjectMapper JSON = new ObjectMapper();

    final CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "AWS_ERROR_TEXT",
            description = "The error text (several words are joined with spaces); '-' reads it from standard input, "
                    + "e.g. chalice deploy 2>&1 | layerfit explain -")
    List<String> words;

    /** The most of standard input read: 16 MiB, far more than any deploy log's error (and {@code /dev/zero} ends). */
    private static final long MAX_STDIN = 16L << 20;

    @Override
    public Integer call() throws java.io.IOException {
        String text = words.equals(List.of("-"))
                ? new String(dev.layerfit.io.InputFiles.readStdin(System.in, MAX_STDIN), java.nio.charset.StandardCharsets.UTF_8)
                : String.join(" ", words);
        Optional<Explanation> found = ErrorExplainer.explain(text);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            out.println(toJson(found));
        } else if (found.isPresent()) {
            printHuman(found.get(), out);
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println("layerfit: this text holds no AWS Lambda size, layer or storage error that layerfit knows; "
                    + "it recognises these wordings (N is a number):");
            for (AwsError e : ErrorExplainer.known()) {
                err.println("  " + e.wording().replaceAll("\\{\\w+}", "N").replace("N operation", "OPERATION operation")
                        + "   [" + e.id() + "]");
            }
        }
        out.flush();
        return found.isPresent() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static void printHuman(Explanation x, PrintWriter out) {
        out.println("AWS error: " + x.matchedText() + "   [" + x.error().id() + "]");
        if (x.operation() != null) {
            out.println("Operation: " + x.operation());
        }
        out.println();
        out.println(x.meaning());
        out.println();
        out.println("What to do:");
        int i = 1;
        for (String action : x.actions()) {
            out.println("  " + i++ + ". " + action);
        }
    }

    private static String toJson(Optional<Explanation> found) {
        ObjectNode root = JSON.createObjectNode();
        root.put("recognized", found.isPresent());
        if (found.isPresent()) {
            Explanation x = found.get();
            root.put("error", x.error().id());
            root.put("message", x.matchedText());
            if (x.operation() != null) {
                root.put("operation", x.operation());
            }
            ObjectNode numbers = root.putObject("numbers");
            for (Map.Entry<String, Long> n : x.numbers().entrySet()) {
                numbers.put(n.getKey(), n.getValue());
            }
            root.put("meaning", x.meaning());
            ArrayNode actions = root.putArray("actions");
            x.actions().forEach(actions::add);
        } else {
            ArrayNode known = root.putArray("known");
            for (AwsError e : ErrorExplainer.known()) {
                known.addObject().put("error", e.id()).put("wording", e.wording());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(common);
    }
}
