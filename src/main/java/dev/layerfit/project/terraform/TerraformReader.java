package dev.layerfit.project.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.archive.FolderArtifact;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.UnknownTargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a Terraform deployment from the JSON of a saved plan ({@code terraform show -json plan.out}):
 * {@code aws_lambda_function} ({@code filename}, {@code s3_bucket}/{@code s3_key}/{@code s3_object_version},
 * {@code layers}, {@code package_type}, {@code architectures}, {@code runtime}) and {@code aws_lambda_layer_version}
 * ({@code filename}, {@code s3_*}) of every module, attribute names from the AWS provider's documentation. Values
 * known only after apply (a new layer's ARN, a zip path from a resource) are traced through the plan's
 * {@code configuration} references to the layer or {@code archive_file} they come from; a zip an
 * {@code archive_file} has not written yet is measured from its {@code source_dir} / {@code source_file}. The AWS
 * provider sends a local {@code filename} inside the API request (50 MiB zipped at most), S3 objects by reference.
 */
public final class TerraformReader implements DeploymentReader {

    static final String FUNCTION = "aws_lambda_function";
    static final String LAYER = "aws_lambda_layer_version";
    static final String ARCHIVE = "archive_file";

    @Override
    public String kind() {
        return "terraform";
    }

    @Override
    public List<String> markers(Path dir) {
        List<String> plans = planFiles(dir).stream().map(p -> p.getFileName().toString()).toList();
        if (!plans.isEmpty()) {
            return plans;
        }
        return tfFiles(dir);
    }

    private static List<String> tfFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Top-level {@code *.json} files that start like a plan's JSON (format_version and terraform_version). */
    static List<Path> planFiles(Path dir) {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .filter(TerraformReader::looksLikePlan).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean looksLikePlan(Path p) {
        if (!dev.layerfit.io.InputFiles.isRegular(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            String head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            return head.contains("\"format_version\"") && head.contains("\"terraform_version\"");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Deployment read(Path dir, ReadOptions options) {
        List<Path> plans = planFiles(dir);
        if (plans.isEmpty()) {
            List<String> tf = tfFiles(dir);
            throw new BadInputException((tf.isEmpty() ? "no Terraform plan JSON in " + dir
                    : dir + " has Terraform configuration (" + String.join(", ", tf) + ") but no plan JSON")
                    + ": run terraform plan -out plan.out && terraform show -json plan.out > plan.json there");
        }
        if (plans.size() > 1) {
            throw new BadInputException(dir + " holds several plan JSON files (" + String.join(", ",
                    plans.stream().map(p -> p.getFileName().toString()).toList()) + "): give one, e.g. layerfit check "
                    + plans.get(0) + " --kind terraform");
        }
        TerraformPlan plan = TerraformPlan.read(plans.get(0));
        Reading reading = new Reading(plan);
        List<LambdaFunction> functions = new ArrayList<>();
        for (PlanResource r : plan.resources()) {
            if (r.mode().equals("managed") && r.type().equals(FUNCTION)) {
                functions.add(reading.function(r));
            }
        }
        return new Deployment("Terraform plan " + plan.file(), "terraform apply", functions, reading.notes);
    }

    /** One read of one plan. */
    private static final class Reading {

        private final TerraformPlan plan;
        private final Map<String, Artifact> layers = new HashMap<>();
        private final Map<String, PlanResource> layersByArn = new HashMap<>();
        final List<String> notes = new ArrayList<>();

        Reading(TerraformPlan plan) {
            this.plan = plan;
            for (PlanResource r : plan.resources()) {
                if (r.type().equals(LAYER) && r.text("arn") != null) {
                    layersByArn.put(r.text("arn"), r);
                }
            }
        }

        LambdaFunction function(PlanResource r) {
            String label = r.address();
            List<String> fnNotes = new ArrayList<>();
            String name = r.text("function_name") != null ? r.text("function_name") : label;
            String runtime = r.text("runtime");
            if (runtime == null && r.isUnknown("runtime")) {
                fnNotes.add(label + ": its runtime is known only after terraform apply");
            }
            Architecture arch = architecture(r, label, fnNotes);
            String packageType = r.text("package_type");
            if ("Image".equalsIgnoreCase(packageType) || r.text("image_uri") != null) {
                fnNotes.add(label + " is a container image function (package_type Image): the zip limits do not apply and "
                        + "its image is not measured");
                return new LambdaFunction(name, runtime, arch, PackageType.IMAGE, List.of(), null, null, fnNotes);
            }
            List<Artifact> fnLayers = layers(r, label);
            Artifact code = code(r, label, ArtifactRole.FUNCTION, "function", "function", fnNotes);
            return new LambdaFunction(name, runtime, arch, PackageType.ZIP, fnLayers, code, null, fnNotes);
        }

        private Architecture architecture(PlanResource r, String label, List<String> fnNotes) {
            JsonNode a = r.value("architectures");
            if (a.isArray() && a.size() > 0 && a.get(0).isTextual()) {
                try {
                    return Architecture.parse(a.get(0).asText());
                } catch (UnknownTargetException e) {
                    fnNotes.add(label + ": architectures " + a.get(0).asText() + " is not x86_64 or arm64; checked as x86_64");
                }
            } else if (r.isUnknown("architectures") && !plan.configuration().expression(r.moduleAddress(), r.configAddress(),
                    "architectures").isMissingNode()) {
                // unset, the provider computes Lambda's default (x86_64) at apply; set from something unknown, say so
                fnNotes.add(label + ": its architectures are known only after terraform apply; checked as x86_64");
            }
            return Architecture.X86_64;
        }

        /** The function's layers in order: known ARNs, and unknown ones traced through the configuration. */
        private List<Artifact> layers(PlanResource r, String label) {
            List<Artifact> out = new ArrayList<>();
            JsonNode values = r.value("layers");
            List<String> opaque = new ArrayList<>();
            Deque<PlanConfiguration.Target> traced = new ArrayDeque<>(plan.configuration().targets(r.moduleAddress(),
                    plan.configuration().expression(r.moduleAddress(), r.configAddress(), "layers"), opaque).stream()
                    .filter(t -> t.address().startsWith(LAYER + ".")).toList());
            if (!values.isArray()) {
                if (r.isUnknown("layers")) {
                    if (traced.isEmpty()) {
                        out.add(unavailableLayer("layers", label + ": its layers are known only after terraform apply and "
                                + "the plan's configuration does not say which layers they are"));
                    }
                    while (!traced.isEmpty()) {
                        out.add(traceLayer(traced.poll(), label, 0));
                    }
                }
                return out;
            }
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (v.isTextual()) {
                    out.add(arnLayer(v.asText(), label, i + 1));
                } else if (r.isUnknown("layers", i) && !traced.isEmpty()) {
                    out.add(traceLayer(traced.poll(), label, i + 1));
                } else {
                    out.add(unavailableLayer("layer-" + (i + 1), label + ": layer " + (i + 1) + " is known only after "
                            + "terraform apply" + (opaque.isEmpty() ? "" : " (it comes from " + String.join(", ", opaque) + ")")
                            + " and the plan does not say which layer it is"));
                }
            }
            return out;
        }

        private Artifact traceLayer(PlanConfiguration.Target target, String label, int position) {
            List<PlanResource> instances = plan.instances(target);
            if (instances.size() != 1) {
                return unavailableLayer(target.fullAddress(), label + ": layer " + position + " is " + target.fullAddress()
                        + (instances.isEmpty() ? ", which the plan does not create" : ", which has " + instances.size()
                        + " instances; the plan does not say which one"));
            }
            return layerArtifact(instances.get(0));
        }

        private Artifact arnLayer(String arn, String label, int position) {
            PlanResource own = layersByArn.get(arn);
            if (own != null) {
                return layerArtifact(own);
            }
            Optional<LayerArn> parsed = LayerArn.parse(arn);
            if (parsed.isEmpty()) {
                return unavailableLayer(arn, label + ": layer " + position + " '" + arn + "' is not a layer version ARN");
            }
            // a local copy the user mapped (--layer ARN=PATH) replaces it later (ArtifactMap.applyTo)
            return new Artifact(ArtifactRole.LAYER, arn, parsed.get().shortName(), new ArtifactSource.Remote(arn), false, null, null);
        }

        private Artifact layerArtifact(PlanResource layer) {
            return layers.computeIfAbsent(layer.address(), a -> {
                String name = layer.text("layer_name") != null ? layer.text("layer_name") : layer.address();
                return code(layer, layer.address(), ArtifactRole.LAYER, layer.address(), name, notes);
            });
        }

        private static Artifact unavailableLayer(String ref, String reason) {
            return new Artifact(ArtifactRole.LAYER, ref, ref, new ArtifactSource.Unavailable(reason), false, null, null);
        }

        /** A function's or layer's zip: filename (or the archive_file that writes it), or s3_bucket/s3_key. */
        private Artifact code(PlanResource r, String label, ArtifactRole role, String ref, String name, List<String> noteSink) {
            String filename = r.text("filename");
            if (filename != null) {
                Path zip = plan.folder().resolve(filename).normalize();
                if (Files.exists(zip)) {
                    return new Artifact(role, ref, name, new ArtifactSource.Local(zip), true, null, null);
                }
                Optional<PlanResource> archive = archiveWriting(r, filename);
                ArtifactSource source = archive.map(a -> archiveSource(a, label, filename, noteSink))
                        .orElse(new ArtifactSource.Unavailable(label + ": its filename " + filename + " does not exist; build "
                                + "the zip (or run terraform plan again, which writes archive_file zips) and check again"));
                return new Artifact(role, ref, name, source, true, null, null);
            }
            if (r.isUnknown("filename")) {
                Optional<PlanResource> archive = archiveWriting(r, null);
                ArtifactSource source = archive.map(a -> archiveSource(a, label, null, noteSink))
                        .orElse(new ArtifactSource.Unavailable(label + ": its filename is known only after terraform apply "
                                + "and the plan's configuration does not say where it comes from"));
                return new Artifact(role, ref, name, source, true, null, null);
            }
            String bucket = r.text("s3_bucket");
            String key = r.text("s3_key");
            if (bucket != null && key != null) {
                return new Artifact(role, ref, name, new ArtifactSource.S3Object(bucket, key, r.text("s3_object_version")),
                        false, null, null);
            }
            if (r.isUnknown("s3_bucket") || r.isUnknown("s3_key")) {
                return new Artifact(role, ref, name, new ArtifactSource.Unavailable(label + ": its s3_bucket/s3_key are known "
                        + "only after terraform apply"), false, null, null);
            }
            return new Artifact(role, ref, name, new ArtifactSource.Unavailable(label + " has no filename, s3_bucket/s3_key "
                    + "or image_uri in the plan"), false, null, null);
        }

        /** The archive_file that writes a resource's filename: by the configuration's references, or by output_path. */
        private Optional<PlanResource> archiveWriting(PlanResource r, String filename) {
            List<String> opaque = new ArrayList<>();
            for (PlanConfiguration.Target t : plan.configuration().targets(r.moduleAddress(),
                    plan.configuration().expression(r.moduleAddress(), r.configAddress(), "filename"), opaque)) {
                String type = t.address().startsWith("data.") ? t.address().split("\\.")[1] : t.address().split("\\.")[0];
                if (type.equals(ARCHIVE)) {
                    List<PlanResource> instances = plan.instances(t);
                    if (instances.size() == 1) {
                        return Optional.of(instances.get(0));
                    }
                    // a data source read only at apply may be missing from the plan's values: its configuration still says
                    return Optional.of(new PlanResource(t.fullAddress(), t.moduleAddress(), t.address().startsWith("data.")
                            ? "data" : "managed", ARCHIVE, null, null));
                }
            }
            if (filename == null) {
                return Optional.empty();
            }
            Path wanted = plan.folder().resolve(filename).normalize();
            return plan.resources().stream().filter(a -> a.type().equals(ARCHIVE) && a.text("output_path") != null
                    && plan.folder().resolve(a.text("output_path")).normalize().equals(wanted)).findFirst();
        }

        /** What an archive_file zips: source_dir (a folder) or source_file (one file, stored under its name). */
        private ArtifactSource archiveSource(PlanResource archive, String label, String filename, List<String> noteSink) {
            String sourceDir = archiveValue(archive, "source_dir");
            String sourceFile = archiveValue(archive, "source_file");
            String zip = filename != null ? filename : archiveValue(archive, "output_path");
            String what = label + ": " + (zip != null ? zip : "its zip") + " is not built yet";
            if (sourceDir != null) {
                Path dir = plan.folder().resolve(sourceDir).normalize();
                if (!Files.isDirectory(dir)) {
                    return new ArtifactSource.Unavailable(what + " and " + archive.address() + "'s source_dir " + sourceDir
                            + " does not exist");
                }
                if (archive.value("excludes").size() > 0) {
                    noteSink.add(label + ": " + archive.address() + "'s excludes are not applied when measuring its source_dir");
                }
                noteSink.add(what + "; measured " + archive.address() + "'s source_dir " + sourceDir + " as the zip will hold it");
                return new ArtifactSource.Local(dir);
            }
            if (sourceFile != null) {
                Path file = plan.folder().resolve(sourceFile).normalize();
                if (!Files.isRegularFile(file)) {
                    return new ArtifactSource.Unavailable(what + " and " + archive.address() + "'s source_file " + sourceFile
                            + " does not exist");
                }
                noteSink.add(what + "; measured " + archive.address() + "'s source_file " + sourceFile + " as the zip will hold it");
                return new ArtifactSource.Built(file.getFileName() + " zipped alone (" + archive.address() + ")", n -> Optional.of(
                        FolderArtifact.compose(file.toString(), file.getParent(), List.of(new FolderArtifact.Part(file,
                                file.getFileName().toString())))));
            }
            return new ArtifactSource.Unavailable(what + " and " + archive.address() + " has no source_dir or source_file "
                    + "known before apply");
        }

        /** An archive_file attribute: its planned value, else its configuration's constant. */
        private String archiveValue(PlanResource archive, String key) {
            String v = archive.text(key);
            if (v != null) {
                return v;
            }
            JsonNode c = plan.configuration().expression(archive.moduleAddress(), archive.configAddress(), key).path("constant_value");
            return c.isTextual() ? c.asText() : null;
        }
    }
}
