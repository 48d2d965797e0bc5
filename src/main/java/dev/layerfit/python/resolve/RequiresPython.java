package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.InvalidSpecifierException;
import dev.layerfit.python.pep440.SpecifierSet;

/** Evaluates a {@code Requires-Python} specifier against the target interpreter, as pip does. */
final class RequiresPython {

    private RequiresPython() {
    }

    /**
     * Whether the target's X.Y.0 satisfies {@code specifier}, pre-releases allowed (pip passes
     * {@code prereleases=True}). An invalid specifier is ignored, as pip does for {@code data-requires-python}.
     */
    static boolean allows(String specifier, ResolveTarget target) {
        try {
            return SpecifierSet.parse(specifier).contains(target.pythonFullVersion(), true);
        } catch (InvalidSpecifierException e) {
            return true;
        }
    }
}
