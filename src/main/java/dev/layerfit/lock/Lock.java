package dev.layerfit.lock;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.python.index.TransferStats;
import dev.layerfit.python.resolve.ResolveTarget;
import java.util.List;

/**
 * A resolved, hash-pinned set of packages for one target.
 *
 * @param target        the Lambda runtime (or custom target) and architecture
 * @param resolveTarget the interpreter and tags the resolution used
 * @param packages      the packages, sorted by normalised name
 * @param stats         what the index client moved over the network while resolving
 * @param warnings      indexes that could not be reached and were skipped while another answered (as pip does)
 * @param takenAsIs     true when the input was a lock taken as it is (no resolution)
 * @param lockFileNotes what matters only when the lock is written to a file (e.g. a {@code --with-project} wheel that
 *                      only this machine's cache holds)
 */
public record Lock(PythonTarget target, ResolveTarget resolveTarget, List<LockedPackage> packages, TransferStats stats,
        List<String> warnings, boolean takenAsIs, List<String> lockFileNotes) {

    public Lock {
        packages = List.copyOf(packages);
        lockFileNotes = List.copyOf(lockFileNotes);
    }

    /** A lock with nothing to say about its written file. */
    public Lock(PythonTarget target, ResolveTarget resolveTarget, List<LockedPackage> packages, TransferStats stats,
            List<String> warnings, boolean takenAsIs) {
        this(target, resolveTarget, packages, stats, warnings, takenAsIs, List.of());
    }

    /** A resolved lock. */
    public Lock(PythonTarget target, ResolveTarget resolveTarget, List<LockedPackage> packages, TransferStats stats,
            List<String> warnings) {
        this(target, resolveTarget, packages, stats, warnings, false);
    }
}
