package dev.layerfit.lock;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.python.requirements.LockedEntry;
import dev.layerfit.python.requirements.LockedSet;
import dev.layerfit.python.requirements.LockedWheel;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.WheelFilename;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a lock made elsewhere installs on a target, told without an index: a layerfit lock by the target its header
 * names ({@link LockHeader}), a lock listing wheels ({@code uv.lock}, {@code pylock.toml}, {@code poetry.lock}) by
 * whether each package has a wheel whose tags the target accepts. A lock of hashes only ({@code Pipfile.lock}, a
 * hashed requirements file from pip-compile) names no platform and is taken as fitting.
 */
public final class LockFit {

    private LockFit() {
    }

    /** Why a layerfit lock's wheels do not install on {@code target} ("locked for python3.11 … on x86_64"), if they do not. */
    public static Optional<String> headerMismatch(String lockText, PythonTarget target) {
        return LockHeader.read(lockText).filter(t -> !t.installsOn(target)).map(t -> "locked for " + t.described());
    }

    /** The packages of {@code lock} that list wheels but none for {@code target}, each described with what it lists. */
    public static List<String> withoutWheelFor(LockedSet lock, ResolveTarget target) {
        List<String> out = new ArrayList<>();
        for (LockedEntry e : lock.packages()) {
            if (e.hashesOnly() || e.wheels().stream().anyMatch(w -> fits(w, target))) {
                continue;
            }
            out.add(e.name() + " " + e.version() + (e.wheels().isEmpty() ? " has no wheel in the lock"
                    : " has no wheel for it (the lock lists " + String.join(", ", e.wheels().stream().map(LockedWheel::filename).toList())
                            + ")"));
        }
        return out;
    }

    private static boolean fits(LockedWheel w, ResolveTarget target) {
        try {
            return target.tags().priority(WheelFilename.parse(w.filename())).isPresent();
        } catch (InvalidWheelFilenameException e) {
            return false;
        }
    }
}
