package dev.layerfit.project.terraform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved plan as {@code terraform show -json plan.out} prints it (Terraform's "JSON Output Format",
 * format_version 1.x): every resource instance of every module with its planned values and what is unknown until
 * apply, data sources read while planning ({@code prior_state}), and the configuration.
 */
public final class TerraformPlan {

    private final Path file;
    private final List<PlanResource> resources;
    private final PlanConfiguration configuration;

    private TerraformPlan(Path file, List<PlanResource> resources, PlanConfiguration configuration) {
        this.file = file;
        this.resources = resources;
        this.configuration = configuration;
    }

    public static TerraformPlan read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(dev.layerfit.io.InputFiles.readBytes(file, dev.layerfit.io.InputFiles.DOCUMENT_CAP, "the plan"));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new BadInputException(where + ": not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ")
                    + "); write it again with terraform show -json plan.out", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + dev.layerfit.error.ExceptionWords.describe(e), e);
        }
        if (root == null || !root.isObject() || !root.has("format_version")) {
            throw new BadInputException(file + " is not a Terraform plan in JSON (no format_version): write one with "
                    + "terraform plan -out plan.out && terraform show -json plan.out > plan.json");
        }
        String version = root.path("format_version").asText();
        if (!version.startsWith("1.")) {
            throw new BadInputException(file + ": plan JSON format_version " + version + " is not supported (layerfit reads 1.x)");
        }
        if (!root.has("planned_values")) {
            throw new BadInputException(file + " has no planned_values: it is a state, not a saved plan; write one with "
                    + "terraform plan -out plan.out && terraform show -json plan.out > plan.json");
        }
        Map<String, JsonNode> unknown = new HashMap<>();
        for (JsonNode c : root.path("resource_changes")) {
            unknown.put(c.path("address").asText(), c.path("change").path("after_unknown"));
        }
        List<PlanResource> resources = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        collect(root.path("planned_values").path("root_module"), unknown, resources, seen);
        // data sources read while planning are in the prior state, not always in planned_values
        collect(root.path("prior_state").path("values").path("root_module"), unknown, resources, seen);
        return new TerraformPlan(file, resources, new PlanConfiguration(root.path("configuration")));
    }

    private static void collect(JsonNode module, Map<String, JsonNode> unknown, List<PlanResource> out, Map<String, Boolean> seen) {
        String moduleAddress = module.path("address").asText("");
        for (JsonNode r : module.path("resources")) {
            String address = r.path("address").asText();
            if (seen.putIfAbsent(address, true) != null) {
                continue;
            }
            out.add(new PlanResource(address, moduleAddress, r.path("mode").asText("managed"), r.path("type").asText(),
                    r.path("values"), unknown.get(address)));
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, unknown, out, seen);
        }
    }

    public Path file() {
        return file;
    }

    /** The folder Terraform ran in: relative paths in the plan start there (the plan JSON is expected in it). */
    public Path folder() {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of("");
    }

    /** Resource instances in plan order (modules after the resources of their parent). */
    public List<PlanResource> resources() {
        return resources;
    }

    public PlanConfiguration configuration() {
        return configuration;
    }

    /** The instances of a configuration address in a module (several with count / for_each). */
    public List<PlanResource> instances(PlanConfiguration.Target target) {
        return resources.stream().filter(r -> PlanConfiguration.withoutKeys(r.moduleAddress()).equals(PlanConfiguration.withoutKeys(target.moduleAddress()))
                && r.configAddress().equals(target.address())).toList();
    }
}
