package dev.layerfit.layer;

import dev.layerfit.lambda.PythonRuntime;
import java.util.List;

/**
 * What to remove from a layer's site folder.
 *
 * @param profile       the rule set
 * @param runtime       the target, whose {@code cpython-3X} bytecode tag is kept
 * @param keepDiscovery googleapiclient discovery documents to keep (names like {@code drive.v3}); empty keeps all
 * @param excludes      globs of site-relative paths to remove ({@code --exclude}); a glob without '/' also matches file names
 * @param keeps         globs of paths never removed ({@code --keep}); wins over every rule
 */
public record SlimOptions(SlimProfile profile, PythonRuntime runtime, List<String> keepDiscovery, List<String> excludes,
        List<String> keeps) {

    public SlimOptions {
        keepDiscovery = List.copyOf(keepDiscovery);
        excludes = List.copyOf(excludes);
        keeps = List.copyOf(keeps);
        excludes.forEach(g -> checkGlob("--exclude", g));
        keeps.forEach(g -> checkGlob("--keep", g));
    }

    /** A glob the JDK's matcher can compile, else a sentence (an unclosed '[' or '{' is a typo, not a bug). */
    private static void checkGlob(String flag, String glob) {
        try {
            java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) { // PatternSyntaxException included
            throw new dev.layerfit.error.BadInputException(flag + " '" + dev.layerfit.text.TerminalText.echo(glob)
                    + "' is not a valid glob (an unclosed '[' or '{'?); fix the pattern");
        }
    }

    /** A profile alone, no package rules. */
    public static SlimOptions of(SlimProfile profile, PythonRuntime runtime) {
        return new SlimOptions(profile, runtime, List.of(), List.of(), List.of());
    }
}
