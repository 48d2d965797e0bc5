package dev.layerfit.python.requirements;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Marker;
import dev.layerfit.python.pep508.MarkerEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a lock is read for: its markers are evaluated in {@code markers} (PEP 751's {@code extras} and
 * {@code dependency_groups} set from the selections), its {@code requires-python} checked against {@code python}.
 *
 * @param markers     the target's marker environment
 * @param python      the target's full Python version
 * @param description the target as messages name it ("python3.12 x86_64 (glibc 2.34)")
 */
public record LockTarget(MarkerEnvironment markers, Version python, String description) {

    /** Whether {@code marker} holds for the target with these extras and groups selected. */
    public boolean holds(Marker marker, List<String> extras, List<String> groups) {
        Map<String, String> env = new HashMap<>(markers.asMap());
        env.put("extras", String.join(",", extras));
        env.put("dependency_groups", String.join(",", groups));
        return marker.evaluate(env);
    }

    /** Whether {@code marker} holds for the target with {@code extra} set (PEP 508's {@code extra} variable). */
    public boolean holdsWithExtra(Marker marker, String extra) {
        Map<String, String> env = new HashMap<>(markers.asMap());
        env.put("extra", extra == null ? "" : extra);
        return marker.evaluate(env);
    }
}
