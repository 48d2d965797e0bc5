package dev.layerfit.hostile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One hostile case: a command line run in its own folder, the exit codes it may end with, the files it may write
 * (everything else in the folder must stay byte for byte the same), and the longest it may take.
 */
final class HostileCase {
    final String id;
    final Path dir;
    final List<String> args = new ArrayList<>();
    Set<Integer> exits = Set.of(2);
    final List<String> outputs = new ArrayList<>();
    String batch = "local";
    String stdin;
    long maxMillis = 30_000;
    /** Further checks on the folder after the run (a link still a link, a device still a device ...). */
    Consumer<Path> after = d -> { };
    /** Text the output must contain (e.g. a message naming the problem), or null. */
    String mustSay;

    HostileCase(String id, Path dir) {
        this.id = id;
        this.dir = dir;
    }

    HostileCase args(String... a) {
        args.addAll(List.of(a));
        return this;
    }

    HostileCase exits(Integer... codes) {
        exits = Set.of(codes);
        return this;
    }

    HostileCase output(String relative) {
        outputs.add(relative);
        return this;
    }

    HostileCase batch(String b) {
        batch = b;
        return this;
    }

    HostileCase says(String text) {
        mustSay = text;
        return this;
    }

    HostileCase within(long millis) {
        maxMillis = millis;
        return this;
    }

    HostileCase after(Consumer<Path> check) {
        after = check;
        return this;
    }

    @Override
    public String toString() {
        return id;
    }
}
