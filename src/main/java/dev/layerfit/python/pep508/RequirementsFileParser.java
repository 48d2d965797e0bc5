package dev.layerfit.python.pep508;

import dev.layerfit.io.InputFiles;
import dev.layerfit.text.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads requirements files into a {@link RequirementsFile}, following pip 24's {@code req_file.py} rules. */
final class RequirementsFileParser {

    /** pip's COMMENT_RE: a {@code #} at the start of a line or after whitespace starts a comment. */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    /** pip's ENV_VAR_RE: only {@code ${NAME}} with upper-case letters, digits and underscores. */
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern HASH = Pattern.compile("(sha256|sha384|sha512|md5|sha1|sha224):[0-9a-fA-F]+");
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    private final RequirementsFile out;
    private final Map<String, String> environment;
    private final Deque<Path> including = new ArrayDeque<>();

    RequirementsFileParser(RequirementsFile out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    /** The deepest chain of -r/-c includes read (a chain thousands deep is a hostile file, not a project). */
    static final int MAX_INCLUDE_DEPTH = 100;

    void readTopLevel(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new RequirementsFileException(file + ": no such requirements file; check the path");
        }
        read(file, false, null);
    }

    /** Reads {@code text} as the file {@code label} (standard input: includes are relative to the current folder). */
    void readTopLevelText(Path label, String text) throws IOException {
        read(label, false, null, text);
    }

    private void read(Path file, boolean asConstraint, String includedFrom) throws IOException {
        read(file, asConstraint, includedFrom, null);
    }

    private void read(Path file, boolean asConstraint, String includedFrom, String given) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (including.contains(key)) {
            throw new RequirementsFileException(includedFrom + ": including " + file + " again makes a cycle ("
                    + cycleText(key) + "); remove one of the -r/-c lines");
        }
        if (including.size() >= MAX_INCLUDE_DEPTH) {
            throw new RequirementsFileException(includedFrom + ": -r/-c includes nest more than " + MAX_INCLUDE_DEPTH
                    + " files deep; flatten the chain of included files");
        }
        if (given == null && includedFrom != null && !Files.exists(file)) {
            throw new RequirementsFileException(includedFrom + ": the included file " + file
                    + " does not exist; fix the -r/-c path (it is relative to the including file)");
        }
        String text = given != null ? given : InputFiles.readText(file, "the requirements file");
        out.files.add(file);
        including.push(key);
        try {
            for (LogicalLine line : joinLines(text)) {
                handle(file, line, asConstraint);
            }
        } finally {
            including.pop();
        }
    }

    private String cycleText(Path repeated) {
        List<String> chain = new ArrayList<>();
        including.descendingIterator().forEachRemaining(p -> chain.add(p.getFileName().toString()));
        chain.add(repeated.getFileName().toString());
        return String.join(" -> ", chain);
    }

    private record LogicalLine(int number, String text) {
    }

    /** Joins {@code \}-continued lines; a comment line ends a continuation (pip's {@code join_lines}). */
    private static List<LogicalLine> joinLines(String text) {
        List<LogicalLine> lines = new ArrayList<>();
        String[] physical = text.split("\r\n|\n|\r", -1);
        StringBuilder pending = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (pending == null) {
                start = i + 1;
            }
            boolean isComment = COMMENT.matcher(line).matches() && line.strip().startsWith("#");
            if (pending != null && isComment) {
                lines.add(new LogicalLine(start, pending.toString()));
                pending = null;
                start = i + 1;
            }
            if (!isComment && line.endsWith("\\")) {
                if (pending == null) {
                    pending = new StringBuilder();
                }
                pending.append(line, 0, line.length() - 1);
                continue;
            }
            if (pending != null) {
                pending.append(line);
                lines.add(new LogicalLine(start, pending.toString()));
                pending = null;
            } else {
                lines.add(new LogicalLine(start, line));
            }
        }
        if (pending != null) {
            lines.add(new LogicalLine(start, pending.toString()));
        }
        return lines;
    }

    private String expand(String line) {
        Matcher m = ENV_VAR.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void handle(Path file, LogicalLine logical, boolean asConstraint) throws IOException {
        String where = file + ":" + logical.number();
        String line = expand(COMMENT.matcher(logical.text()).replaceFirst("")).strip();
        if (line.isEmpty()) {
            return;
        }
        // pip's break_args_options: the requirement is every space-separated token before the first "-..." token
        String[] tokens = line.split(" ", -1);
        int firstOption = 0;
        while (firstOption < tokens.length && !tokens[firstOption].startsWith("-")) {
            firstOption++;
        }
        String requirementText = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, firstOption)).strip();
        List<String> options = ShellWords.split(String.join(" ", java.util.Arrays.copyOfRange(tokens, firstOption, tokens.length)), where);
        if (requirementText.isEmpty()) {
            handleOptionLine(file, where, options, asConstraint);
        } else {
            handleRequirementLine(file, logical.number(), where, requirementText, options, asConstraint);
        }
    }

    private void handleRequirementLine(Path file, int number, String where, String text, List<String> options,
            boolean asConstraint) {
        List<String> hashes = new ArrayList<>();
        OptionCursor cursor = new OptionCursor(options, where);
        while (cursor.hasNext()) {
            String name = cursor.nextName();
            if (name.equals("--hash")) {
                String value = cursor.value();
                if (!HASH.matcher(value).matches()) {
                    throw new RequirementsFileException(where + ": '" + TerminalText.echo(value)
                            + "' is not a hash; write --hash=sha256:<64 hex digits>");
                }
                // a pin that is never verified is worse than none: pip refuses md5, sha1 and sha224 as too weak
                // ("weaker ones ... are excluded to avoid giving a false sense of security", pip's secure-installs
                // docs), and layerfit verifies sha256 only, so every other algorithm is refused
                String algorithm = value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT);
                if (!algorithm.equals("sha256") || value.length() != "sha256:".length() + 64) {
                    throw new RequirementsFileException(where + ": --hash=" + TerminalText.echo(value) + " cannot be verified ("
                            + (algorithm.equals("sha256") ? "a sha256 has 64 hex digits" : "layerfit checks sha256 hashes only")
                            + "); write --hash=sha256:<64 hex digits>");
                }
                hashes.add(value.toLowerCase(Locale.ROOT));
            } else if (name.equals("--config-settings") || name.equals("--global-option")) {
                cursor.value();
            } else {
                throw new RequirementsFileException(where + ": the option " + name
                        + " cannot follow a requirement; put it on a line of its own");
            }
        }
        refuseLocal(where, text);
        Requirement requirement;
        try {
            requirement = Requirement.parse(text);
        } catch (InvalidRequirementException e) {
            SyntaxErrorDetail d = e.detail();
            SyntaxErrorDetail onLine = new SyntaxErrorDetail(d.message(), text, d.spanStart(), d.spanEnd());
            throw new RequirementsFileException(where + ": " + d.message() + "; fix the requirement\n"
                    + onLine.caretDiagram(), e);
        }
        // packaging accepts a bare "===" (PEP 440 conformance keeps it valid), but it can only match a version named
        // "": in a requirements file it is a typo, refused as bad input rather than left to fail resolution (exit 1)
        for (dev.layerfit.python.pep440.Specifier sp : requirement.specifier().specifiers()) {
            if (sp.operator() == dev.layerfit.python.pep440.Specifier.Operator.ARBITRARY && sp.version().isBlank()) {
                throw new RequirementsFileException(where + ": '" + TerminalText.echo(text)
                        + "' has '===' without a version, which no release matches; write ===VERSION or ==VERSION");
            }
        }
        if (requirement.url().filter(u -> u.startsWith("file:")).isPresent()) {
            throw notSupported(where, "a local file requirement ('" + TerminalText.echo(text) + "')");
        }
        RequirementsFileEntry entry = new RequirementsFileEntry(requirement, file, number, hashes);
        (asConstraint ? out.constraints : out.requirements).add(entry);
    }

    private static void refuseLocal(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean path = lower.startsWith(".") || lower.startsWith("/") || lower.startsWith("~")
                || lower.startsWith("file:") || text.contains("\\") && !text.contains("@")
                || text.matches("^[A-Za-z]:[\\\\/].*");
        boolean archive = !text.contains("@") && (lower.endsWith(".whl") || lower.endsWith(".zip")
                || lower.endsWith(".tar.gz") || lower.endsWith(".tgz"));
        boolean bareUrl = URL_SCHEME.matcher(text).find();
        if (path || archive || bareUrl) {
            throw notSupported(where, "a local path or bare URL requirement ('" + TerminalText.echo(text) + "')");
        }
    }

    private static RequirementsFileException notSupported(String where, String what) {
        return new RequirementsFileException(where + ": " + what
                + " is not supported; layerfit builds layers from index wheels, so name the project and version instead");
    }

    private void handleOptionLine(Path file, String where, List<String> options, boolean asConstraint) throws IOException {
        OptionCursor cursor = new OptionCursor(options, where);
        while (cursor.hasNext()) {
            String name = cursor.nextName();
            switch (name) {
                case "-r", "--requirement" -> read(includePath(file, cursor.value()), asConstraint, where);
                case "-c", "--constraint" -> read(includePath(file, cursor.value()), true, where);
                case "-i", "--index-url" -> {
                    // pip's handle_option_line sets index_urls = [index_url]: earlier extra index URLs are dropped
                    out.indexUrl = cursor.value();
                    out.extraIndexUrls.clear();
                }
                case "--extra-index-url" -> out.extraIndexUrls.add(cursor.value());
                case "--no-index" -> out.noIndex = true;
                case "-f", "--find-links" -> out.findLinks.add(findLink(file, cursor.value()));
                case "--pre" -> out.pre = true;
                case "--require-hashes" -> out.requireHashes = true;
                case "--prefer-binary" -> out.preferBinary = true;
                case "--only-binary" -> addFormatControl(out.onlyBinary, out.noBinary, cursor.value());
                case "--no-binary" -> addFormatControl(out.noBinary, out.onlyBinary, cursor.value());
                case "--trusted-host", "--use-feature" -> cursor.value();
                case "-e", "--editable" -> throw notSupported(where, "an editable requirement (-e " + cursor.valueOrEmpty() + ")");
                default -> throw new RequirementsFileException(where + ": unknown option " + name
                        + " in a requirements file; remove it or check its spelling");
            }
        }
    }

    /** pip's {@code handle_mutual_excludes}: {@code :all:}/{@code :none:} and names, removed from the other set. */
    private static void addFormatControl(java.util.Set<String> target, java.util.Set<String> other, String value) {
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals(":all:")) {
                target.clear();
                other.clear();
                target.add(":all:");
            } else if (name.equals(":none:")) {
                target.clear();
            } else {
                String canonical = ProjectName.canonicalize(name);
                other.remove(canonical);
                target.add(canonical);
            }
        }
    }

    private static Path includePath(Path including, String value) {
        if (URL_SCHEME.matcher(value).find()) {
            throw new RequirementsFileException(including + ": including a requirements file by URL (" + value
                    + ") is not supported; download it and include the local copy");
        }
        Path p = Path.of(value);
        Path dir = including.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    }

    private static String findLink(Path including, String value) {
        if (URL_SCHEME.matcher(value).find() || value.startsWith("file:")) {
            return value;
        }
        Path dir = including.toAbsolutePath().getParent();
        Path relative = dir == null ? Path.of(value) : dir.resolve(value).normalize();
        return Files.exists(relative) ? relative.toString() : value;
    }

    /** Walks option tokens: {@code --name=value}, {@code --name value}, {@code -xvalue}, {@code -x value}. */
    private static final class OptionCursor {
        private final List<String> tokens;
        private final String where;
        private int i;
        private String inlineValue;
        private String current;

        OptionCursor(List<String> tokens, String where) {
            this.tokens = tokens;
            this.where = where;
        }

        boolean hasNext() {
            return i < tokens.size();
        }

        String nextName() {
            String token = tokens.get(i++);
            inlineValue = null;
            if (!token.startsWith("-")) {
                throw new RequirementsFileException(where + ": unexpected '" + token
                        + "' among options; put each requirement on its own line");
            }
            if (token.startsWith("--")) {
                int eq = token.indexOf('=');
                if (eq > 0) {
                    inlineValue = token.substring(eq + 1);
                    token = token.substring(0, eq);
                }
            } else if (token.length() > 2) {
                inlineValue = token.substring(2);
                token = token.substring(0, 2);
            }
            current = token;
            return token;
        }

        String value() {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (i >= tokens.size()) {
                throw new RequirementsFileException(where + ": the option " + current + " needs a value; add it after the option");
            }
            return tokens.get(i++);
        }

        String valueOrEmpty() {
            return inlineValue != null ? inlineValue : i < tokens.size() ? tokens.get(i++) : "";
        }
    }
}
