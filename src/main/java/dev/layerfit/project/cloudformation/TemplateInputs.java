package dev.layerfit.project.cloudformation;

import java.util.Map;

/**
 * What the deploy command adds to a template: parameter values ({@code --parameter-overrides K=V}) and the
 * region and account that pseudo parameters stand for.
 *
 * @param parameters overrides by parameter name
 * @param region     {@code AWS::Region}, or null when not given
 * @param account    {@code AWS::AccountId}, or null when not given
 */
public record TemplateInputs(Map<String, String> parameters, String region, String account) {

    public TemplateInputs {
        parameters = Map.copyOf(parameters);
    }

    public static TemplateInputs none() {
        return new TemplateInputs(Map.of(), null, null);
    }
}
