package dev.layerfit.python.pep508;

/**
 * Where a dependency specifier or marker fails to parse: the message, the source and the span, rendered
 * like packaging's {@code ParserSyntaxError} (source line with {@code ~~~^} under the fault).
 */
public record SyntaxErrorDetail(String message, String source, int spanStart, int spanEnd) {

    /** The source followed by a line with a caret under the fault, each indented by four spaces. */
    public String caretDiagram() {
        return "    " + source + "\n    " + " ".repeat(spanStart) + "~".repeat(Math.max(0, spanEnd - spanStart)) + "^";
    }

    /** packaging's three-line error text. */
    public String describe() {
        return message + "\n" + caretDiagram();
    }
}
