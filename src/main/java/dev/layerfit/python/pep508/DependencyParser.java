package dev.layerfit.python.pep508;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for PEP 508 dependency specifiers and markers, following the grammar and
 * error messages of packaging 26.2's {@code _parser}.
 */
final class DependencyParser {

    /** The pieces of a requirement before normalisation. */
    record Parsed(String name, String url, List<String> extras, String specifier, List<Object> marker) {
    }

    private final Tokenizer tokens;

    private DependencyParser(String source) {
        this.tokens = new Tokenizer(source);
    }

    static Parsed parseRequirement(String source) {
        return new DependencyParser(source).requirement();
    }

    static List<Object> parseMarker(String source) {
        DependencyParser p = new DependencyParser(source);
        List<Object> marker = p.marker();
        p.tokens.expect("END", "end of marker expression");
        return marker;
    }

    private Parsed requirement() {
        tokens.consume("WS");
        String name = tokens.expect("IDENTIFIER", "package name at the start of dependency specifier");
        tokens.consume("WS");
        List<String> extras = extras();
        tokens.consume("WS");
        String url = "";
        String specifier = "";
        List<Object> marker = null;
        if (tokens.check("AT")) {
            tokens.read();
            tokens.consume("WS");
            int urlStart = tokens.position();
            url = tokens.expect("URL", "URL after @");
            if (!tokens.check("END", true)) {
                tokens.expect("WS", "whitespace after URL");
                if (!tokens.check("END", true)) {
                    marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
                }
            }
        } else {
            int specifierStart = tokens.position();
            specifier = specifier();
            tokens.consume("WS");
            if (!tokens.check("END", true)) {
                marker = requirementMarker(specifierStart, specifier.isEmpty()
                        ? "semicolon (after name with no version specifier)"
                        : "comma (within version specifier), semicolon (after version specifier)");
            }
        }
        tokens.expect("END", "end of dependency specifier");
        return new Parsed(name, url, extras, specifier, marker);
    }

    private List<Object> requirementMarker(int spanStart, String expected) {
        if (!tokens.check("SEMICOLON")) {
            throw tokens.error("Expected " + expected + " or end", spanStart, tokens.position());
        }
        tokens.read();
        List<Object> marker = marker();
        tokens.consume("WS");
        return marker;
    }

    private List<String> extras() {
        List<String> extras = new ArrayList<>();
        if (!tokens.check("LEFT_BRACKET", true)) {
            return extras;
        }
        int open = tokens.open("LEFT_BRACKET");
        tokens.consume("WS");
        if (tokens.check("IDENTIFIER")) {
            extras.add(tokens.read());
            while (true) {
                tokens.consume("WS");
                if (tokens.check("IDENTIFIER", true)) {
                    throw tokens.error("Expected comma between extra names", tokens.position(), tokens.position());
                } else if (!tokens.check("COMMA")) {
                    break;
                }
                tokens.read();
                tokens.consume("WS");
                extras.add(tokens.expect("IDENTIFIER", "extra name after comma"));
            }
        }
        tokens.consume("WS");
        tokens.close(open, "LEFT_BRACKET", "RIGHT_BRACKET", "extras");
        return extras;
    }

    private String specifier() {
        int open = tokens.open("LEFT_PARENTHESIS");
        tokens.consume("WS");
        StringBuilder specs = new StringBuilder();
        while (tokens.check("SPECIFIER")) {
            int spanStart = tokens.position();
            specs.append(tokens.read());
            if (tokens.check("VERSION_PREFIX_TRAIL", true)) {
                throw tokens.error(".* suffix can only be used with `==` or `!=` operators", spanStart,
                        tokens.position() + 1);
            }
            if (tokens.check("VERSION_LOCAL_LABEL_TRAIL", true)) {
                throw tokens.error("Local version label can only be used with `==` or `!=` operators", spanStart,
                        tokens.position());
            }
            tokens.consume("WS");
            if (!tokens.check("COMMA")) {
                break;
            }
            specs.append(tokens.read());
            tokens.consume("WS");
        }
        tokens.consume("WS");
        tokens.close(open, "LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "version specifier");
        return specs.toString();
    }

    private List<Object> marker() {
        List<Object> expression = new ArrayList<>();
        expression.add(markerAtom());
        while (tokens.check("BOOLOP")) {
            expression.add(tokens.read());
            expression.add(markerAtom());
        }
        return expression;
    }

    private Object markerAtom() {
        tokens.consume("WS");
        Object atom;
        if (tokens.check("LEFT_PARENTHESIS", true)) {
            int open = tokens.open("LEFT_PARENTHESIS");
            tokens.consume("WS");
            atom = marker();
            tokens.consume("WS");
            tokens.close(open, "LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "marker expression");
        } else {
            atom = markerItem();
        }
        tokens.consume("WS");
        return atom;
    }

    private MarkerTree.Item markerItem() {
        tokens.consume("WS");
        MarkerTree.Operand lhs = markerOperand();
        tokens.consume("WS");
        String op = markerOp();
        tokens.consume("WS");
        MarkerTree.Operand rhs = markerOperand();
        tokens.consume("WS");
        return new MarkerTree.Item(lhs, op, rhs);
    }

    private MarkerTree.Operand markerOperand() {
        if (tokens.check("VARIABLE")) {
            String name = tokens.read().replace('.', '_');
            return new MarkerTree.Operand(true,
                    name.equals("python_implementation") ? "platform_python_implementation" : name);
        }
        if (tokens.check("QUOTED_STRING")) {
            int start = tokens.position();
            String quoted = tokens.read();
            String value = quoted.substring(1, quoted.length() - 1);
            // packaging evaluates the literal with ast.literal_eval; escapes and line breaks are not
            // meaningful in a marker, and the reference rejects the ones that matter, so reject all.
            if (value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                    || value.indexOf('\0') >= 0) {
                throw tokens.error("Backslashes and line breaks are not allowed in a quoted marker string",
                        start, tokens.position());
            }
            return new MarkerTree.Operand(false, value);
        }
        throw tokens.error("Expected a marker variable or quoted string", tokens.position(), tokens.position());
    }

    private String markerOp() {
        if (tokens.check("IN")) {
            tokens.read();
            return "in";
        }
        if (tokens.check("NOT")) {
            tokens.read();
            tokens.expect("WS", "whitespace after 'not'");
            tokens.expect("IN", "'in' after 'not'");
            return "not in";
        }
        if (tokens.check("OP")) {
            return tokens.read();
        }
        throw tokens.error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
                tokens.position(), tokens.position());
    }
}
