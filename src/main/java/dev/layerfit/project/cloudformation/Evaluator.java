package dev.layerfit.project.cloudformation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a template's values as far as they are known before deploying: parameters (overrides, then
 * {@code Default}), pseudo parameters ({@code AWS::Region} and {@code AWS::AccountId} from the command line,
 * {@code AWS::Partition} and {@code AWS::URLSuffix} from the region), {@code Conditions} where every input is
 * known, and the intrinsic functions of CloudFormation's "Intrinsic function reference": {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If},
 * {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not}.
 * What cannot be known ({@code Fn::ImportValue}, a resource's attribute inside a string, an unknown function) is a
 * {@link Resolved.Unknown} with the reason, never an exception.
 */
public final class Evaluator {

    private static final Set<String> LIST_TYPES = Set.of("CommaDelimitedList");

    private final Template template;
    private final TemplateInputs inputs;
    private final Map<String, Resolved> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    public Evaluator(Template template, TemplateInputs inputs) {
        this.template = template;
        this.inputs = inputs;
    }

    public Template template() {
        return template;
    }

    /** The value of {@code node}. */
    public Resolved resolve(TemplateNode node) {
        if (node instanceof TemplateNode.Scalar s) {
            return new Resolved.Text(s.text());
        }
        if (node instanceof TemplateNode.Sequence seq) {
            List<Resolved> items = new ArrayList<>();
            for (TemplateNode item : seq.items()) {
                Resolved r = resolve(item);
                if (!(r instanceof Resolved.NoValue)) {
                    items.add(r);
                }
            }
            return new Resolved.Items(items);
        }
        TemplateNode.Mapping m = (TemplateNode.Mapping) node;
        String fn = m.intrinsicName().orElse(null);
        if (fn == null) {
            return new Resolved.Struct(m);
        }
        TemplateNode arg = m.entries().get(fn);
        return switch (fn) {
            case "Ref" -> ref(arg);
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> join(arg);
            case "Fn::Select" -> select(arg);
            case "Fn::Split" -> split(arg);
            case "Fn::If" -> ifFn(arg);
            case "Fn::FindInMap" -> findInMap(arg);
            case "Fn::Base64" -> base64(arg);
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition" -> decide(m);
            case "Fn::ImportValue" -> new Resolved.Unknown("Fn::ImportValue " + Expressions.show(arg)
                    + " is another stack's export, known only in AWS");
            case "Fn::GetAZs" -> new Resolved.Unknown("Fn::GetAZs is known only in AWS");
            default -> new Resolved.Unknown("unknown intrinsic function " + fn);
        };
    }

    /** The value of {@code node} as text, or the reason it has none. */
    public Resolved text(TemplateNode node) {
        Resolved r = resolve(node);
        return r instanceof Resolved.Text || r instanceof Resolved.Unknown || r instanceof Resolved.NoValue ? r
                : new Resolved.Unknown(Expressions.show(node) + " at " + Template.where(node.at()) + " is not a string");
    }

    /** Whether the named condition holds: Text "true"/"false", or Unknown with the reason. */
    public Resolved condition(String name) {
        Resolved cached = conditions.get(name);
        if (cached != null) {
            return cached;
        }
        TemplateNode def = template.section("Conditions").entries().get(name);
        if (def == null) {
            return new Resolved.Unknown("condition " + name + " is not in Conditions");
        }
        if (!evaluating.add(name)) {
            return new Resolved.Unknown("condition " + name + " refers to itself");
        }
        try {
            Resolved r = decide(def);
            if (r instanceof Resolved.Unknown u) {
                r = new Resolved.Unknown("condition " + name + " cannot be decided (" + u.reason() + ")");
            }
            conditions.put(name, r);
            return r;
        } finally {
            evaluating.remove(name);
        }
    }

    private Resolved decide(TemplateNode node) {
        if (!(node instanceof TemplateNode.Mapping m) || m.intrinsicName().isEmpty()) {
            Resolved r = resolve(node);
            return r instanceof Resolved.Text t && (t.value().equals("true") || t.value().equals("false")) ? r
                    : new Resolved.Unknown(Expressions.show(node) + " is not a condition");
        }
        String fn = m.intrinsicName().get();
        TemplateNode arg = m.entries().get(fn);
        switch (fn) {
            case "Condition":
                return arg instanceof TemplateNode.Scalar s ? condition(s.text())
                        : new Resolved.Unknown("Condition needs a condition name");
            case "Fn::Equals": {
                return withArgs(arg, 2, "Fn::Equals needs two values", args -> whenKnown(resolve(args.get(0)), resolve(args.get(1)),
                        (a, b) -> a instanceof Resolved.Text ta && b instanceof Resolved.Text tb ? bool(ta.value().equals(tb.value()))
                                : new Resolved.Unknown(Expressions.show(node) + " compares values known only after deploying")));
            }
            case "Fn::Not": {
                return withArgs(arg, 1, "Fn::Not needs one condition", args -> {
                    Resolved r = decide(args.get(0));
                    return r instanceof Resolved.Text t ? bool(!t.value().equals("true")) : r;
                });
            }
            case "Fn::And", "Fn::Or": {
                boolean and = fn.equals("Fn::And");
                Resolved unknown = null;
                for (TemplateNode a : args(arg)) {
                    Resolved r = decide(a);
                    if (r instanceof Resolved.Text t) {
                        boolean v = t.value().equals("true");
                        if (v != and) {
                            return bool(v); // a false in And, a true in Or decides it
                        }
                    } else if (unknown == null) {
                        unknown = r;
                    }
                }
                return unknown != null ? unknown : bool(and);
            }
            default:
                Resolved r = resolve(node);
                return r instanceof Resolved.Text t && (t.value().equals("true") || t.value().equals("false")) ? r
                        : r instanceof Resolved.Unknown ? r : new Resolved.Unknown(Expressions.show(node) + " is not a condition");
        }
    }

    private static Resolved bool(boolean b) {
        return new Resolved.Text(Boolean.toString(b));
    }

    /** An intrinsic's value from its exactly {@code n} arguments, or Unknown saying what it {@code needs}. */
    private static Resolved withArgs(TemplateNode arg, int n, String needs, java.util.function.Function<List<TemplateNode>, Resolved> body) {
        List<TemplateNode> args = args(arg);
        return args.size() == n ? body.apply(args) : new Resolved.Unknown(needs);
    }

    /** {@code then} applied to two values, or the first of them not known before deploying. */
    private static Resolved whenKnown(Resolved a, Resolved b, java.util.function.BinaryOperator<Resolved> then) {
        return a instanceof Resolved.Unknown ? a : b instanceof Resolved.Unknown ? b : then.apply(a, b);
    }

    private static List<TemplateNode> args(TemplateNode arg) {
        return arg instanceof TemplateNode.Sequence s ? s.items() : List.of(arg);
    }

    private Resolved ref(TemplateNode arg) {
        if (!(arg instanceof TemplateNode.Scalar s)) {
            Resolved r = text(arg);
            return r instanceof Resolved.Text t ? refName(t.value()) : new Resolved.Unknown("Ref needs a name");
        }
        return refName(s.text());
    }

    /** What {@code Ref name} stands for. */
    public Resolved refName(String name) {
        if (name.startsWith("AWS::")) {
            return pseudo(name);
        }
        TemplateNode param = template.section("Parameters").entries().get(name);
        if (param != null) {
            return parameter(name, param);
        }
        if (template.resources().containsKey(name)) {
            return new Resolved.ResourceRef(name, null);
        }
        return new Resolved.Unknown("Ref " + name + " names no parameter or resource of the template");
    }

    private Resolved parameter(String name, TemplateNode def) {
        TemplateNode.Mapping m = def instanceof TemplateNode.Mapping mm ? mm : new TemplateNode.Mapping(Map.of(), Map.of(), def.at());
        String type = m.get("Type").filter(TemplateNode.Scalar.class::isInstance).map(n -> ((TemplateNode.Scalar) n).text())
                .orElse("String");
        String value = inputs.parameters().get(name);
        if (value == null) {
            TemplateNode d = m.entries().get("Default");
            if (d instanceof TemplateNode.Scalar s && !s.isNull()) {
                value = s.text();
            } else if (d instanceof TemplateNode.Sequence seq) {
                List<String> parts = new ArrayList<>();
                for (TemplateNode i : seq.items()) {
                    parts.add(i instanceof TemplateNode.Scalar s ? s.text() : "");
                }
                value = String.join(",", parts);
            }
        }
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            return new Resolved.Unknown("parameter " + name + " is read from Systems Manager"
                    + (value != null ? " (" + value + ")" : "") + " when deploying");
        }
        if (value == null) {
            return new Resolved.Unknown("parameter " + name + " has no Default: pass --parameter-overrides " + name + "=VALUE");
        }
        if (LIST_TYPES.contains(type) || type.startsWith("List<")) {
            List<Resolved> items = new ArrayList<>();
            for (String part : value.split(",", -1)) {
                items.add(new Resolved.Text(part.trim()));
            }
            return new Resolved.Items(items);
        }
        return new Resolved.Text(value);
    }

    /** Pseudo parameters, from CloudFormation's "Pseudo parameters reference". */
    private Resolved pseudo(String name) {
        String override = inputs.parameters().get(name);
        if (override != null) {
            return new Resolved.Text(override);
        }
        String region = inputs.region();
        return switch (name) {
            case "AWS::Region" -> region != null ? new Resolved.Text(region)
                    : new Resolved.Unknown("AWS::Region is not known: pass --region");
            case "AWS::AccountId" -> inputs.account() != null ? new Resolved.Text(inputs.account())
                    : new Resolved.Unknown("AWS::AccountId is not known: pass --account");
            case "AWS::Partition" -> new Resolved.Text(region == null ? "aws" : region.startsWith("cn-") ? "aws-cn"
                    : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");
            case "AWS::URLSuffix" -> new Resolved.Text(region != null && region.startsWith("cn-") ? "amazonaws.com.cn"
                    : "amazonaws.com");
            case "AWS::NoValue" -> new Resolved.NoValue();
            case "AWS::StackName" -> new Resolved.Unknown("AWS::StackName is not known: pass --parameter-overrides AWS::StackName=NAME");
            default -> new Resolved.Unknown(name + " is known only when deploying");
        };
    }

    private Resolved getAtt(TemplateNode arg) {
        return withArgs(arg, 2, "Fn::GetAtt needs a logical id and an attribute", args -> {
            Resolved id = text(args.get(0));
            Resolved attr = text(args.get(1));
            if (!(id instanceof Resolved.Text tid) || !(attr instanceof Resolved.Text tattr)) {
                return new Resolved.Unknown("Fn::GetAtt " + Expressions.show(arg) + " cannot be worked out");
            }
            if (!template.resources().containsKey(tid.value())) {
                return new Resolved.Unknown("Fn::GetAtt " + tid.value() + "." + tattr.value() + " names no resource of the template");
            }
            return new Resolved.ResourceRef(tid.value(), tattr.value());
        });
    }

    private Resolved sub(TemplateNode arg) {
        TemplateNode textNode = arg;
        TemplateNode.Mapping vars = null;
        if (arg instanceof TemplateNode.Sequence seq) {
            if (seq.items().size() != 2 || !(seq.items().get(1) instanceof TemplateNode.Mapping m)) {
                return new Resolved.Unknown("Fn::Sub needs a string, or a string and a mapping of variables");
            }
            textNode = seq.items().get(0);
            vars = m;
        }
        if (!(textNode instanceof TemplateNode.Scalar s)) {
            return new Resolved.Unknown("Fn::Sub needs a string");
        }
        String text = s.text();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = text.indexOf('}', start);
            if (end < 0) {
                out.append(text, start, text.length());
                break;
            }
            String var = text.substring(start + 2, end).trim();
            i = end + 1;
            if (var.startsWith("!")) {
                out.append("${").append(var.substring(1)).append('}'); // "${!Literal}" writes "${Literal}"
                continue;
            }
            Resolved value;
            if (vars != null && vars.entries().containsKey(var)) {
                value = resolve(vars.entries().get(var));
            } else if (var.contains(".") && !var.startsWith("AWS::")) {
                int dot = var.indexOf('.');
                String id = var.substring(0, dot);
                value = template.resources().containsKey(id) ? new Resolved.ResourceRef(id, var.substring(dot + 1))
                        : new Resolved.Unknown("${" + var + "} names no resource of the template");
            } else {
                value = refName(var);
            }
            if (start == 0 && i == text.length() && out.length() == 0) {
                return value; // "${Layer}" alone is Ref Layer
            }
            if (value instanceof Resolved.Text t) {
                out.append(t.value());
            } else {
                String why = value instanceof Resolved.Unknown u ? u.reason()
                        : value instanceof Resolved.ResourceRef ? "${" + var + "} is known only after deploying"
                        : "${" + var + "} is not a string";
                return new Resolved.Unknown("Fn::Sub \"" + text + "\" cannot be worked out: " + why);
            }
        }
        return new Resolved.Text(out.toString());
    }

    private Resolved join(TemplateNode arg) {
        return withArgs(arg, 2, "Fn::Join needs a delimiter and a list", args -> {
            Resolved delim = text(args.get(0));
            Resolved list = resolve(args.get(1));
            if (!(delim instanceof Resolved.Text d)) {
                return delim instanceof Resolved.Unknown ? delim : new Resolved.Unknown("Fn::Join's delimiter is not a string");
            }
            if (!(list instanceof Resolved.Items items)) {
                return list instanceof Resolved.Unknown ? list : new Resolved.Unknown("Fn::Join needs a list");
            }
            List<String> parts = new ArrayList<>();
            for (Resolved r : items.items()) {
                if (r instanceof Resolved.Text t) {
                    parts.add(t.value());
                } else {
                    return r instanceof Resolved.Unknown ? r : new Resolved.Unknown("Fn::Join " + Expressions.show(arg)
                            + " joins a value known only after deploying");
                }
            }
            return new Resolved.Text(String.join(d.value(), parts));
        });
    }

    private Resolved select(TemplateNode arg) {
        return withArgs(arg, 2, "Fn::Select needs an index and a list", args -> whenKnown(text(args.get(0)), resolve(args.get(1)),
                (index, list) -> {
                    if (!(index instanceof Resolved.Text t) || !(list instanceof Resolved.Items items)) {
                        return new Resolved.Unknown("Fn::Select " + Expressions.show(arg) + " cannot be worked out");
                    }
                    try {
                        int n = Integer.parseInt(t.value().trim());
                        return n >= 0 && n < items.items().size() ? items.items().get(n)
                                : new Resolved.Unknown("Fn::Select index " + n + " is outside the list");
                    } catch (NumberFormatException e) {
                        return new Resolved.Unknown("Fn::Select index '" + t.value() + "' is not a number");
                    }
                }));
    }

    private Resolved split(TemplateNode arg) {
        return withArgs(arg, 2, "Fn::Split needs a delimiter and a string", args -> {
            Resolved delim = text(args.get(0));
            Resolved source = text(args.get(1));
            if (!(delim instanceof Resolved.Text d)) {
                return delim;
            }
            if (!(source instanceof Resolved.Text s)) {
                return source;
            }
            List<Resolved> items = new ArrayList<>();
            for (String part : s.value().split(java.util.regex.Pattern.quote(d.value()), -1)) {
                items.add(new Resolved.Text(part));
            }
            return new Resolved.Items(items);
        });
    }

    private Resolved ifFn(TemplateNode arg) {
        List<TemplateNode> args = args(arg);
        if (args.size() != 3 || !(args.get(0) instanceof TemplateNode.Scalar name)) {
            return new Resolved.Unknown("Fn::If needs a condition name and two values");
        }
        Resolved c = condition(name.text());
        if (c instanceof Resolved.Text t) {
            return resolve(args.get(t.value().equals("true") ? 1 : 2));
        }
        return c;
    }

    private Resolved findInMap(TemplateNode arg) {
        List<TemplateNode> args = args(arg);
        if (args.size() < 3) {
            return new Resolved.Unknown("Fn::FindInMap needs a map name and two keys");
        }
        TemplateNode current = template.section("Mappings");
        List<String> path = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Resolved key = text(args.get(i));
            if (!(key instanceof Resolved.Text t)) {
                return key instanceof Resolved.Unknown ? key : new Resolved.Unknown("Fn::FindInMap key is not a string");
            }
            path.add(t.value());
            TemplateNode next = current instanceof TemplateNode.Mapping m ? m.entries().get(t.value()) : null;
            if (next == null) {
                return new Resolved.Unknown("Fn::FindInMap finds no " + String.join(".", path) + " in Mappings");
            }
            current = next;
        }
        return resolve(current);
    }

    private Resolved base64(TemplateNode arg) {
        Resolved r = text(arg);
        return r instanceof Resolved.Text t
                ? new Resolved.Text(Base64.getEncoder().encodeToString(t.value().getBytes(StandardCharsets.UTF_8))) : r;
    }
}
