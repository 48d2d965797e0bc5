package dev.layerfit.project.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One resource instance of a saved plan, as {@code terraform show -json} writes it (Terraform's "JSON Output
 * Format": {@code planned_values}, {@code resource_changes}, {@code prior_state}).
 *
 * @param address       the full address ({@code module.api.aws_lambda_function.this[0]})
 * @param moduleAddress the module it is in ({@code module.api}), "" for the root module
 * @param mode          {@code managed} or {@code data}
 * @param type          {@code aws_lambda_function}, …
 * @param values        the values known at plan time (unknown ones are absent, unknown list elements null)
 * @param unknown       {@code after_unknown}: true where a value is known only after apply
 */
public record PlanResource(String address, String moduleAddress, String mode, String type, JsonNode values, JsonNode unknown) {

    /** The address within its module, without instance keys ({@code aws_lambda_function.this}). */
    public String configAddress() {
        String local = moduleAddress.isEmpty() ? address : address.substring(moduleAddress.length() + 1);
        return PlanConfiguration.withoutKeys(local);
    }

    /** A top-level value: the node, or a missing node. */
    public JsonNode value(String key) {
        return values == null ? MissingNode.getInstance() : values.path(key);
    }

    /** Whether a top-level value (or one element of it) is known only after apply. */
    public boolean isUnknown(String key) {
        JsonNode u = unknown == null ? MissingNode.getInstance() : unknown.path(key);
        return u.asBoolean(false);
    }

    /** Whether element {@code i} of a list value is known only after apply. */
    public boolean isUnknown(String key, int i) {
        JsonNode u = unknown == null ? MissingNode.getInstance() : unknown.path(key);
        return u.asBoolean(false) || u.path(i).asBoolean(false);
    }

    /** A known text value, or null. */
    public String text(String key) {
        JsonNode n = value(key);
        return n.isTextual() ? n.asText() : null;
    }
}
