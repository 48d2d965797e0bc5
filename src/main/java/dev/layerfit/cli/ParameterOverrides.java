package dev.layerfit.cli;

import dev.layerfit.error.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --parameter-overrides} as {@code sam deploy} takes it: {@code Key=Value} pairs separated by spaces, or
 * CloudFormation's {@code ParameterKey=Key,ParameterValue=Value}; {@code --account} as a 12-digit id.
 */
final class ParameterOverrides {

    private ParameterOverrides() {
    }

    static Map<String, String> parse(List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String value : values) {
            for (String pair : value.trim().split("\\s+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String key;
                String v;
                if (pair.startsWith("ParameterKey=") && pair.contains(",ParameterValue=")) {
                    int comma = pair.indexOf(",ParameterValue=");
                    key = pair.substring("ParameterKey=".length(), comma);
                    v = pair.substring(comma + ",ParameterValue=".length());
                } else {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new BadInputException("--parameter-overrides '" + pair + "' is not KEY=VALUE; write it as "
                                + "--parameter-overrides Stage=prod");
                    }
                    key = pair.substring(0, eq);
                    v = pair.substring(eq + 1);
                }
                out.put(key, v);
            }
        }
        return out;
    }

    static String account(String account) {
        if (account != null && !account.matches("\\d{12}")) {
            throw new BadInputException("--account '" + account + "' is not a 12-digit AWS account id");
        }
        return account;
    }
}
