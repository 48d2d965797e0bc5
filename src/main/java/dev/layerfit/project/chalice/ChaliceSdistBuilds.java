package dev.layerfit.project.chalice;

import dev.layerfit.cache.CacheRoot;
import dev.layerfit.lock.IndexBuildRequirements;
import dev.layerfit.python.build.SdistBuildException;
import dev.layerfit.python.build.SdistBuilder;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sdists Chalice builds ({@code DependencyBuilder._build_sdists}: {@code pip wheel --no-deps} on the deploying
 * machine), built the same way where layerfit can: a pure-Python sdist through its PEP 517 builder
 * ({@link SdistBuilder}, the local Python, backends from the project's index, the wheel cached by the sdist's sha256).
 * A build that fails is one Chalice's fails too (the same backend on the same sources); an sdist that builds native
 * code, needs a backend the index lacks, runs too long, or meets no local Python is one Chalice tries to build and
 * layerfit cannot tell the outcome of.
 */
final class ChaliceSdistBuilds implements ChaliceDependencyBuilder.SdistBuilder {

    private final Function<IndexClient, Optional<SdistBuilder>> builders;

    /** Builds with the local Python ({@code $LAYERFIT_PYTHON} or python3), into layerfit's cache. */
    ChaliceSdistBuilds() {
        this(client -> IndexBuildRequirements.builder(client, CacheRoot.get()));
    }

    /** {@code builders}: the PEP 517 builder over an index, empty when this machine has no Python to build with. */
    ChaliceSdistBuilds(Function<IndexClient, Optional<SdistBuilder>> builders) {
        this.builders = builders;
    }

    @Override
    public ChaliceDependencyBuilder.SdistResult build(IndexFile sdist, String project, IndexClient client) {
        Optional<SdistBuilder> builder = builders.apply(client);
        if (builder.isEmpty()) {
            return ChaliceDependencyBuilder.SdistResult.unknown("this machine has no python3 to build it with");
        }
        try {
            Path wheel = IndexBuildRequirements.wheelFor(sdist, client, builder, project);
            return ChaliceDependencyBuilder.SdistResult.built(wheel, "layerfit built the same pure-Python wheel, "
                    + wheel.getFileName() + ", with its PEP 517 builder (cached by the sdist's sha256)");
        } catch (SdistBuildException e) {
            String why = firstClause(e.getMessage());
            return switch (e.reason()) {
                case FAILED -> ChaliceDependencyBuilder.SdistResult.failed(why);
                case NOT_PURE -> ChaliceDependencyBuilder.SdistResult.unknown(e.builtWheel() == null
                        ? "it builds native code, which layerfit does not count: " + why
                        : "it builds native code, " + e.builtWheel().getFileName() + ", which layerfit does not count");
                case NO_PYTHON, BACKEND_UNAVAILABLE, TIMED_OUT -> ChaliceDependencyBuilder.SdistResult.unknown(why);
            };
        }
    }

    /** The message up to its advice or the build's output: one clause for a reason. */
    static String firstClause(String message) {
        String s = message.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        for (String cut : List.of("; use a version", "; the build's output", "; add the build backend")) {
            int i = s.indexOf(cut);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        return s.endsWith(":") ? s.substring(0, s.length() - 1) : s;
    }
}
