package dev.layerfit.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a framework's packager will silently not put into an artifact it builds (e.g. Chalice drops a requirement
 * that has no wheel it accepts, prints a warning and deploys anyway): the deploy succeeds and the function fails
 * at import. Filled by the artifacts' builders while they are built, read by the reports afterwards; thread-safe.
 */
public final class LeftOut {

    /**
     * One distribution.
     *
     * @param artifact     the artifact it should have been in ("managed layer", "function")
     * @param distribution its name
     * @param version      the version the packager chose
     * @param reason       why it is left out (one phrase)
     * @param blocking     true when it is missing at run time (a failed check unless allowed); false when the packager
     *                     would try to build it and layerfit could not tell the result (reported only)
     */
    public record Item(String artifact, String distribution, String version, String reason, boolean blocking) {
    }

    private final Map<String, Item> items = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String heading = "Will be left out";
    private volatile String fix = "";
    private volatile boolean allowed;

    /** The section title, naming the packager ("Chalice will leave out"). */
    public String heading() {
        return heading;
    }

    /** How to fix it, one sentence. */
    public String fix() {
        return fix;
    }

    /** Set by the reader: the title and the fix. */
    public void describe(String newHeading, String newFix) {
        this.heading = newHeading;
        this.fix = newFix;
    }

    /** {@code --allow-missing}: blocking items no longer fail the check. */
    public void allow(boolean allow) {
        this.allowed = allow;
    }

    public boolean allowed() {
        return allowed;
    }

    /** Records an item once (by artifact and distribution). */
    public void add(Item item) {
        items.putIfAbsent(item.artifact() + "\0" + item.distribution(), item);
    }

    public List<Item> items() {
        synchronized (items) {
            return List.copyOf(new ArrayList<>(items.values()));
        }
    }

    /** The items that fail the check (unless allowed). */
    public List<Item> blocking() {
        return items().stream().filter(Item::blocking).toList();
    }

    /** True when a blocking item fails the check. */
    public boolean fails() {
        return !allowed && !blocking().isEmpty();
    }
}
