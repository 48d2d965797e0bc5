package dev.layerfit.project.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the Serverless Framework v3 variables ({@code ${source:address, fallback}}) that can be known before a
 * deploy: {@code self:} (this file), {@code opt:stage}/{@code opt:region} and other {@code opt:} flags,
 * {@code sls:stage}, {@code aws:region}/{@code aws:accountId} (when given), {@code env:} and {@code param:}
 * (from {@code --parameter-overrides}). {@code ssm:}, {@code cf:}, {@code s3:}, {@code file(...)} and the rest need
 * AWS or other files; without a fallback they stay unresolved and the caller says which value could not be read.
 * Syntax from the framework's "Variables" documentation: nested variables resolve innermost first; a fallback
 * after the first top-level comma is a quoted string, a number, a boolean or another source:address.
 */
final class ServerlessVariables {

    /** A variable that cannot be resolved here, with the reason. */
    static final class UnresolvedException extends Exception {
        private final String variable;

        UnresolvedException(String variable, String reason) {
            super(reason);
            this.variable = variable;
        }

        String variable() {
            return variable;
        }
    }

    private static final Pattern INNERMOST = Pattern.compile("\\$\\{([^${}]*)\\}");
    private static final int MAX_DEPTH = 20;

    private final JsonNode root;
    private final String stageFlag;
    private final String stage;
    private final String region;
    private final String account;
    private final Map<String, String> params;
    private final Function<String, String> env;

    ServerlessVariables(JsonNode root, String stageFlag, String region, String account, Map<String, String> params,
            Function<String, String> env) {
        this.root = root;
        this.stageFlag = stageFlag;
        this.params = params;
        this.env = env;
        this.region = region;
        this.account = account;
        // sls:stage: --stage, else provider.stage, else "dev" (the framework's default)
        String s = stageFlag;
        if (s == null) {
            try {
                JsonNode configured = resolve(root.path("provider").path("stage"), 0);
                s = configured.isTextual() ? configured.asText() : null;
            } catch (UnresolvedException e) {
                s = null;
            }
        }
        this.stage = s == null ? "dev" : s;
    }

    String stage() {
        return stage;
    }

    /** The value with every variable in it resolved (objects and arrays element by element). */
    JsonNode resolve(JsonNode value) throws UnresolvedException {
        return resolve(value, 0);
    }

    /** A text value resolved, or null when absent. */
    String text(JsonNode value) throws UnresolvedException {
        JsonNode r = resolve(value);
        return r == null || r.isMissingNode() || r.isNull() ? null : r.asText();
    }

    private JsonNode resolve(JsonNode value, int depth) throws UnresolvedException {
        if (depth > MAX_DEPTH) {
            throw new UnresolvedException(value.asText(), "variables refer to each other in a loop");
        }
        if (value.isTextual()) {
            return resolveText(value.asText(), depth);
        }
        if (value.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode v : value) {
                out.add(resolve(v, depth));
            }
            return out;
        }
        if (value.isObject()) {
            var out = JsonNodeFactory.instance.objectNode();
            for (var it = value.fields(); it.hasNext(); ) {
                var e = it.next();
                out.set(e.getKey(), resolve(e.getValue(), depth));
            }
            return out;
        }
        return value;
    }

    private JsonNode resolveText(String text, int depth) throws UnresolvedException {
        String current = text;
        for (int round = 0; round < 100; round++) {
            Matcher m = INNERMOST.matcher(current);
            if (!m.find()) {
                return JsonNodeFactory.instance.textNode(current);
            }
            JsonNode v = source(m.group(1).trim(), depth);
            if (m.start() == 0 && m.end() == current.length()) {
                return v.isTextual() ? resolveText(v.asText(), depth + 1) : resolve(v, depth + 1);
            }
            if (v.isContainerNode()) {
                throw new UnresolvedException(m.group(), "it is a list or map used inside a string");
            }
            current = current.substring(0, m.start()) + v.asText() + current.substring(m.end());
        }
        throw new UnresolvedException(text, "it has too many variables");
    }

    private JsonNode source(String expr, int depth) throws UnresolvedException {
        List<String> parts = splitTopLevel(expr);
        UnresolvedException first = null;
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            JsonNode literal = literal(p);
            if (literal != null) {
                return literal;
            }
            try {
                JsonNode v = lookup(p, depth);
                if (v != null && !v.isMissingNode() && !v.isNull()) {
                    return v;
                }
                if (first == null) {
                    first = new UnresolvedException("${" + expr + "}", p + " has no value");
                }
            } catch (UnresolvedException e) {
                if (first == null) {
                    first = new UnresolvedException("${" + expr + "}", e.getMessage());
                }
            }
        }
        throw first != null ? first : new UnresolvedException("${" + expr + "}", "it is empty");
    }

    private static JsonNode literal(String p) {
        if ((p.startsWith("'") && p.endsWith("'") || p.startsWith("\"") && p.endsWith("\"")) && p.length() >= 2) {
            return JsonNodeFactory.instance.textNode(p.substring(1, p.length() - 1));
        }
        if (p.matches("-?\\d+(\\.\\d+)?") || p.equals("true") || p.equals("false")) {
            return JsonNodeFactory.instance.textNode(p);
        }
        return null;
    }

    private JsonNode lookup(String p, int depth) throws UnresolvedException {
        int colon = p.indexOf(':');
        String src = colon < 0 ? p : p.substring(0, colon);
        String address = colon < 0 ? "" : p.substring(colon + 1).trim();
        switch (src) {
            case "self" -> {
                JsonNode n = root;
                for (String key : address.split("\\.")) {
                    if (!key.isEmpty()) {
                        n = n.path(key);
                    }
                }
                return n.isMissingNode() ? null : resolve(n, depth + 1);
            }
            case "opt" -> {
                // opt: is what was given on the command line, nothing else (its fallback applies otherwise)
                if (address.equals("stage")) {
                    return stageFlag == null ? null : text(stageFlag);
                }
                if (address.equals("region")) {
                    return region == null ? null : text(region);
                }
                return params.containsKey(address) ? text(params.get(address)) : null;
            }
            case "sls" -> {
                if (address.equals("stage")) {
                    return stage == null ? null : text(stage);
                }
                throw new UnresolvedException(p, "sls:" + address + " is only known when serverless runs");
            }
            case "aws" -> {
                if (address.equals("region")) {
                    return region == null ? null : text(region);
                }
                if (address.equals("accountId")) {
                    return account == null ? null : text(account);
                }
                throw new UnresolvedException(p, "aws:" + address + " is only known in AWS");
            }
            case "env" -> {
                String v = env.apply(address);
                return v == null ? null : text(v);
            }
            case "param" -> {
                return params.containsKey(address) ? text(params.get(address)) : null;
            }
            default -> throw new UnresolvedException(p, src + ": values are read from "
                    + (src.startsWith("file(") ? "another file" : "AWS or a plugin") + " when serverless runs");
        }
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    /** Splits at commas outside quotes and parentheses. */
    private static List<String> splitTopLevel(String expr) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(expr.substring(start, i));
                start = i + 1;
            }
        }
        out.add(expr.substring(start));
        return out;
    }
}
