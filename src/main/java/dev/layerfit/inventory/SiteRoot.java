package dev.layerfit.inventory;

/**
 * A folder of an artifact that a runtime puts on its module search path, e.g. {@code python/} or
 * {@code python/lib/python3.11/site-packages/}; the artifact root of a function zip has prefix {@code ""}.
 *
 * @param prefix      the folder, '/'-terminated, or {@code ""} for the artifact root
 * @param ecosystem   whose search path it is on ({@link Ecosystem#NONE} for files outside every site root)
 * @param searchOrder where it sits on the runtime's search path: 0 for function code ({@code /var/task}),
 *                    then ascending for layer paths searched later
 *                    ({@code python/lib/python3.X/site-packages/} 1, {@code python/} 2;
 *                    {@code nodejs/nodeNN/node_modules/} 1, {@code nodejs/node_modules/} 2; {@code java/lib/} 1)
 */
public record SiteRoot(String prefix, Ecosystem ecosystem, int searchOrder) {

    /** True for the root of a function zip ({@code /var/task}), which is searched before every layer. */
    public boolean isFunctionRoot() {
        return searchOrder == 0 && ecosystem != Ecosystem.NONE;
    }
}
