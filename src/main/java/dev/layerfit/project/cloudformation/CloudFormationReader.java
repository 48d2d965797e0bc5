package dev.layerfit.project.cloudformation;

import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads plain CloudFormation templates with Lambda resources, as {@code aws cloudformation package} takes them:
 * {@code Code} / {@code Content} as local paths (zipped and uploaded to S3), {@code ZipFile} inline code,
 * {@code S3Bucket}/{@code S3Key} objects already uploaded, layers by ARN or by reference to a layer of the
 * template. Every {@code *.yaml}, {@code *.yml}, {@code *.json} and {@code *.template} file at the top of the
 * folder that declares {@code AWS::Lambda::} resources (and no SAM resources: those are the SAM reader's) is read.
 */
public final class CloudFormationReader implements DeploymentReader {

    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".template");
    /** Files of other tools that may hold the same words. */
    private static final List<String> NOT_TEMPLATES = List.of("serverless.yml", "serverless.yaml", "serverless.json",
            "package.json", "package-lock.json", "cdk.json", "tsconfig.json", "layerfit.json", "samconfig.yaml", "samconfig.yml");

    @Override
    public String kind() {
        return "cloudformation";
    }

    @Override
    public boolean generic() {
        return true; // the CDK, SAM and the Serverless Framework all emit CloudFormation templates
    }

    @Override
    public List<String> markers(Path dir) {
        return templates(dir).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static List<Path> templates(Path dir) {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir) || Files.isRegularFile(dir.resolve("samconfig.toml"))) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(CloudFormationReader::isLambdaTemplate).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isLambdaTemplate(Path p) {
        String name = p.getFileName().toString();
        if (NOT_TEMPLATES.contains(name) || EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return false;
        }
        return dev.layerfit.io.InputFiles.peekText(p, 20_000_000)
                .map(text -> text.contains("AWS::Lambda::") && !text.contains("AWS::Serverless") && text.contains("Resources"))
                .orElse(false);
    }

    @Override
    public Deployment read(Path dir, ReadOptions options) {
        List<Path> files = templates(dir);
        if (files.isEmpty()) {
            throw new BadInputException("no CloudFormation template with AWS::Lambda:: resources in " + dir
                    + ": give the template file or its folder");
        }
        List<LambdaFunction> functions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            Template template = Template.read(file);
            Evaluator eval = new Evaluator(template, new TemplateInputs(options.parameters(), options.region(), options.account()));
            LambdaResources lambda = new LambdaResources(eval, (layer, function) -> Optional.empty());
            for (Template.Resource r : template.resources().values()) {
                if (!r.type().equals(LambdaResources.FUNCTION)) {
                    continue;
                }
                List<String> conditionNotes = new ArrayList<>();
                Optional<String> skipped = lambda.skipped(r, conditionNotes);
                if (skipped.isPresent()) {
                    notes.add(skipped.get());
                    continue;
                }
                LambdaFunction f = lambda.function(r);
                List<String> fnNotes = new ArrayList<>(conditionNotes);
                fnNotes.addAll(f.notes());
                String name = files.size() > 1 ? file.getFileName() + ":" + f.name() : f.name();
                functions.add(new LambdaFunction(name, f.runtime(), f.architecture(), f.packageType(), f.layers(), f.code(),
                        f.definedAt(), fnNotes));
            }
        }
        String what = "CloudFormation template" + (files.size() > 1 ? "s " : " ")
                + String.join(", ", files.stream().map(Path::toString).toList());
        return new Deployment(what, "aws cloudformation package + deploy", functions, notes);
    }
}
