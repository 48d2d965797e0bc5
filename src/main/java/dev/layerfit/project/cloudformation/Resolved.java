package dev.layerfit.project.cloudformation;

import java.util.List;

/** What a template value evaluates to before deploying. */
public sealed interface Resolved {

    /** A string (numbers and booleans are strings to CloudFormation). */
    record Text(String value) implements Resolved {
    }

    /** A list. */
    record Items(List<Resolved> items) implements Resolved {

        public Items {
            items = List.copyOf(items);
        }
    }

    /** A mapping that is not an intrinsic function, left as written (its values are evaluated on demand). */
    record Struct(TemplateNode.Mapping node) implements Resolved {
    }

    /**
     * A reference to a resource of the same template: {@code Ref} (attribute null) or {@code Fn::GetAtt}. What it
     * stands for (a layer's ARN) is only known after deploying, but the resource itself is in the template.
     */
    record ResourceRef(String logicalId, String attribute) implements Resolved {
    }

    /** {@code AWS::NoValue}: the property is removed. */
    record NoValue() implements Resolved {
    }

    /**
     * A value that cannot be known before deploying, or cannot be worked out from the template.
     *
     * @param reason why, as a clause ("parameter LayerArn has no Default: pass --parameter-overrides LayerArn=VALUE")
     */
    record Unknown(String reason) implements Resolved {
    }
}
