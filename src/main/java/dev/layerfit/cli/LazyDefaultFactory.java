package dev.layerfit.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Picocli's default factory, made only when picocli first asks for an object. Making it probes for Groovy's
 * {@code Closure} class; from the release archive, whose classes all come from the AOT cache, that miss is what first
 * opens the 10,000-entry jar: ~7 ms of a warm resolve that never needs the factory (docs/architecture.md, Start-up).
 */
final class LazyDefaultFactory implements CommandLine.IFactory {

    static final LazyDefaultFactory INSTANCE = new LazyDefaultFactory();

    private LazyDefaultFactory() {
    }

    /** The collections repeated options and positionals fill, as picocli's factory makes them; else picocli's factory. */
    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == List.class || cls == Collection.class) {
            return cls.cast(new ArrayList<>());
        }
        if (cls == Set.class) {
            return cls.cast(new LinkedHashSet<>());
        }
        if (cls == Map.class) {
            return cls.cast(new LinkedHashMap<>());
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
