package dev.layerfit.python.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code .netrc} file (the format of inetutils' ftp, as Python's {@code netrc} module reads it):
 * {@code machine}/{@code login}/{@code password} entries, a {@code default} entry, {@code macdef} blocks skipped.
 */
public final class Netrc {

    /** A login for a host. */
    public record Credentials(String login, String password) {
        @Override
        public String toString() {
            return "Credentials[" + login + ", ****]";
        }
    }

    private record Entry(String machine, Credentials credentials) {
    }

    private final List<Entry> entries;

    private Netrc(List<Entry> entries) {
        this.entries = entries;
    }

    /** No entries. */
    public static Netrc empty() {
        return new Netrc(List.of());
    }

    /** Reads {@code file}, or returns {@link #empty()} when it does not exist. */
    public static Netrc read(Path file) throws IOException {
        return Files.isRegularFile(file) ? parse(dev.layerfit.io.InputFiles.readUtf8(file, "the netrc file")) : empty();
    }

    /** Parses netrc text; tokens are separated by whitespace and may be double-quoted. */
    public static Netrc parse(String text) {
        List<String> tokens = tokens(text);
        List<Entry> entries = new ArrayList<>();
        String machine = null;
        boolean inEntry = false;
        String login = null;
        String password = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            switch (t) {
                case "machine", "default" -> {
                    if (inEntry) {
                        entries.add(new Entry(machine, new Credentials(login == null ? "" : login, password == null ? "" : password)));
                    }
                    inEntry = true;
                    machine = t.equals("default") ? null : (i + 1 < tokens.size() ? tokens.get(++i) : "");
                    login = null;
                    password = null;
                }
                case "login", "user" -> login = i + 1 < tokens.size() ? tokens.get(++i) : null;
                case "password" -> password = i + 1 < tokens.size() ? tokens.get(++i) : null;
                case "account" -> i++;
                case "macdef" -> i = skipMacro(tokens, i);
                default -> {
                    // unknown tokens are ignored
                }
            }
        }
        if (inEntry) {
            entries.add(new Entry(machine, new Credentials(login == null ? "" : login, password == null ? "" : password)));
        }
        return new Netrc(List.copyOf(entries));
    }

    private static int skipMacro(List<String> tokens, int i) {
        // tokens() marks the end of a macro body (an empty line) with a "\n\n" token
        int j = i + 1;
        while (j < tokens.size() && !tokens.get(j).equals("\n\n")) {
            j++;
        }
        return j;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (String line : lines) {
            if (line.isBlank()) {
                out.add("\n\n");
                continue;
            }
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            StringBuilder tok = new StringBuilder();
            boolean quoted = false;
            boolean inToken = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                    } else if (c == '\\' && i + 1 < line.length()) {
                        tok.append(line.charAt(++i));
                    } else {
                        tok.append(c);
                    }
                } else if (Character.isWhitespace(c)) {
                    if (inToken) {
                        out.add(tok.toString());
                        tok.setLength(0);
                        inToken = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                    inToken = true;
                } else {
                    tok.append(c);
                    inToken = true;
                }
            }
            if (inToken) {
                out.add(tok.toString());
            }
        }
        return out;
    }

    /** The credentials for {@code host}: its {@code machine} entry, else the {@code default} entry. */
    public Optional<Credentials> find(String host) {
        Credentials fallback = null;
        for (Entry e : entries) {
            if (e.machine() == null) {
                if (fallback == null) {
                    fallback = e.credentials();
                }
            } else if (e.machine().equalsIgnoreCase(host)) {
                return Optional.of(e.credentials());
            }
        }
        return Optional.ofNullable(fallback);
    }
}
