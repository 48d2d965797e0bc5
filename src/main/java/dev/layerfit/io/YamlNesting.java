package dev.layerfit.io;

import dev.layerfit.error.BadInputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * A depth check run before a YAML document is composed into nodes: SnakeYAML Engine's composer recurses once per
 * nesting level and has no limit of its own, so {@code [[[[...} a hundred thousand deep would overflow the stack. The
 * parser's event stream is flat (a state machine), so counting its start and end events costs no stack.
 */
public final class YamlNesting {

    /**
     * The deepest nesting accepted. Real templates and serverless.yml files nest a dozen levels; SnakeYAML 1.x's own
     * default ({@code LoaderOptions.nestingDepthLimit}) is 50, Jackson's for JSON is 1,000.
     */
    public static final int MAX_DEPTH = 500;

    private YamlNesting() {
    }

    /**
     * Checks {@code text}'s nesting of mappings and sequences.
     *
     * @param hint what to do, ending the message ("fix the template")
     * @throws BadInputException at file:line:column when it nests deeper than {@link #MAX_DEPTH}
     */
    public static void check(String text, LoadSettings settings, String label, String hint) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        String where = e.getStartMark().map(m -> label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                                .orElse(label);
                        throw new BadInputException(where + ": nested more than " + MAX_DEPTH
                                + " levels deep, far deeper than any real file; " + hint);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }
}
