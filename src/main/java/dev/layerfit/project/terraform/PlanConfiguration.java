package dev.layerfit.project.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The plan's {@code configuration} section: each module's resources with their {@code expressions}, module calls
 * with theirs and their outputs. An expression is a {@code constant_value} or the {@code references} it reads, in
 * the order they are written; this resolves those references to the resources they lead to, through module
 * outputs ({@code module.x.out}) and input variables ({@code var.v}, the module call's expression in the parent).
 */
public final class PlanConfiguration {

    /** A resource the references lead to: its module and its address in that module. */
    public record Target(String moduleAddress, String address) {

        /** The full address, as {@code planned_values} writes it (without instance keys). */
        public String fullAddress() {
            return moduleAddress.isEmpty() ? address : moduleAddress + "." + address;
        }
    }

    private final JsonNode root;

    public PlanConfiguration(JsonNode configuration) {
        this.root = configuration.path("root_module");
    }

    /** An address without instance keys: {@code module.a["x"].aws_s3_bucket.b[0]} → {@code module.a.aws_s3_bucket.b}. */
    static String withoutKeys(String address) {
        return address.replaceAll("\\[[^\\]]*\\]", "");
    }

    /** The configuration of module {@code moduleAddress} ("" for the root), or a missing node. */
    JsonNode module(String moduleAddress) {
        JsonNode m = root;
        if (moduleAddress.isEmpty()) {
            return m;
        }
        for (String call : calls(moduleAddress)) {
            m = m.path("module_calls").path(call).path("module");
        }
        return m;
    }

    private static List<String> calls(String moduleAddress) {
        List<String> out = new ArrayList<>();
        String[] parts = withoutKeys(moduleAddress).split("\\.");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            out.add(parts[i + 1]);
        }
        return out;
    }

    /** The expression of attribute {@code key} of resource {@code address} in module {@code moduleAddress}. */
    public JsonNode expression(String moduleAddress, String address, String key) {
        for (JsonNode r : module(moduleAddress).path("resources")) {
            if (r.path("address").asText().equals(withoutKeys(address))) {
                return r.path("expressions").path(key);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * The resources an expression reads, in the order written, each once; references that lead to no resource (a
     * constant variable, {@code path.module}, a local value, which the plan JSON does not describe) are left out and
     * reported in {@code opaque}.
     */
    public List<Target> targets(String moduleAddress, JsonNode expression, List<String> opaque) {
        Set<Target> out = new LinkedHashSet<>();
        collect(moduleAddress, expression, out, opaque, new HashSet<>());
        return List.copyOf(out);
    }

    private void collect(String module, JsonNode expression, Set<Target> out, List<String> opaque, Set<String> seen) {
        for (JsonNode ref : expression.path("references")) {
            String r = ref.asText();
            if (!seen.add(module + "|" + r)) {
                continue;
            }
            String[] parts = withoutKeys(r).split("\\.");
            switch (parts[0]) {
                case "path", "count", "each", "self", "terraform" -> {
                }
                case "local" -> opaque.add(r);
                case "var" -> {
                    if (!module.isEmpty() && parts.length > 1) {
                        String parent = parentOf(module);
                        JsonNode call = module(parent).path("module_calls").path(lastCall(module));
                        collect(parent, call.path("expressions").path(parts[1]), out, opaque, seen);
                    }
                }
                case "module" -> {
                    if (parts.length > 2) {
                        String child = (module.isEmpty() ? "" : module + ".") + "module." + parts[1];
                        JsonNode output = module(child).path("outputs").path(parts[2]).path("expression");
                        collect(child, output, out, opaque, seen);
                    }
                }
                case "data" -> {
                    if (parts.length >= 3) {
                        out.add(new Target(module, "data." + parts[1] + "." + parts[2]));
                    }
                }
                default -> {
                    if (parts.length >= 2) {
                        out.add(new Target(module, parts[0] + "." + parts[1]));
                    }
                }
            }
        }
    }

    private static String parentOf(String module) {
        String m = withoutKeys(module);
        int i = m.lastIndexOf(".module.");
        return i < 0 ? "" : m.substring(0, i);
    }

    private static String lastCall(String module) {
        List<String> c = calls(module);
        return c.get(c.size() - 1);
    }
}
