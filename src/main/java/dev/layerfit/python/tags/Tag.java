package dev.layerfit.python.tags;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A wheel compatibility tag (PEP 425): interpreter, ABI and platform, lower-cased as packaging does.
 * Ordered by its text.
 */
public record Tag(String interpreter, String abi, String platform) implements Comparable<Tag> {

    public Tag {
        interpreter = interpreter.toLowerCase(Locale.ROOT);
        abi = abi.toLowerCase(Locale.ROOT);
        platform = platform.toLowerCase(Locale.ROOT);
    }

    /**
     * Expands a possibly compressed tag set such as {@code py2.py3-none-any} into its tags, sorted
     * (packaging's {@code parse_tag}); throws {@link IllegalArgumentException} without exactly two dashes.
     */
    public static Set<Tag> parseSet(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a tag needs interpreter-abi-platform, got '" + text + "'");
        }
        Set<Tag> tags = new TreeSet<>();
        for (String interpreter : parts[0].split("\\.", -1)) {
            for (String abi : parts[1].split("\\.", -1)) {
                for (String platform : parts[2].split("\\.", -1)) {
                    tags.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return tags;
    }

    /**
     * The order of {@link #toString()}, compared part by part without building the strings: the same, since a tag's
     * parts hold only letters, digits, '_' and '.', all above the '-' that joins them.
     */
    @Override
    public int compareTo(Tag o) {
        int c = interpreter.compareTo(o.interpreter);
        if (c == 0) {
            c = abi.compareTo(o.abi);
        }
        return c != 0 ? c : platform.compareTo(o.platform);
    }

    /**
     * Written out, not the record's own: that one is linked by {@code ObjectMethods} at run time, which the start-up
     * archive cannot keep, and cost a resolve ~10 ms to hash the target's ~900 tags (docs/architecture.md, Start-up).
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Tag t && interpreter.equals(t.interpreter) && abi.equals(t.abi)
                && platform.equals(t.platform));
    }

    @Override
    public int hashCode() {
        return (interpreter.hashCode() * 31 + abi.hashCode()) * 31 + platform.hashCode();
    }

    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
