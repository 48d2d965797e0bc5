package dev.layerfit.pipeline;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lock.Lock;
import dev.layerfit.lock.LockRequest;
import dev.layerfit.lock.Locker;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.requirements.InputFormat;
import dev.layerfit.python.requirements.LockedSet;
import dev.layerfit.python.requirements.ReadRequirements;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsReader;
import dev.layerfit.python.resolve.ResolveTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns requirements into the exact wheels to install with {@link Locker}: a lock (a hashed requirements file,
 * {@code uv.lock}, {@code poetry.lock}, {@code Pipfile.lock}, {@code pylock.toml}) is taken as is, anything else is
 * resolved.
 */
public final class Pinner {

    private Pinner() {
    }

    /** The pins for {@code input} on {@code target}. */
    public static PinnedSet pin(RequirementsInput input, PythonTarget target, IndexSettings index, IndexClient client) {
        try {
            Lock lock = Locker.fromEnvironment(Locker.DEFAULT_THREADS).lock(new LockRequest(input, target, index.indexUrl(),
                    index.extraIndexUrls(), index.findLinks(), index.noIndex(), index.pre()));
            return new PinnedSet(lock.packages(), lock.takenAsIs(), lock.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read pip's configuration", e);
        }
    }

    /** The pins for requirements files on {@code target}. */
    public static PinnedSet pin(List<Path> files, PythonTarget target, IndexSettings index, IndexClient client) {
        return pin(RequirementsInput.files(files), target, index, client);
    }

    /** The interpreter and tags for a target. */
    public static ResolveTarget resolveTarget(PythonTarget target) {
        return ResolveTarget.of(target.runtime().pythonVersion(), target.arch().wheelMachine(), target.glibcMajor(),
                target.glibcMinor());
    }

    /** The lock when every file is a hashed pip lock ({@code name==version --hash=sha256:...} lines only). */
    static Optional<LockedSet> hashedLock(List<Path> files) {
        PythonTarget any = PythonTarget.of("python3.12", null, null, "x86_64");
        ReadRequirements read = RequirementsReader.read(RequirementsInput.files(files), Locker.lockTarget(any, resolveTarget(any)));
        return read.locked().filter(l -> l.format() == InputFormat.REQUIREMENTS_TXT);
    }
}
