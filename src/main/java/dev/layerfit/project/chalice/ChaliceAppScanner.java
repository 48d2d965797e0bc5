package dev.layerfit.project.chalice;

import dev.layerfit.deployment.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Lambda functions a Chalice app defines by reading {@code app.py} (and the chalicelib modules it imports)
 * for Chalice's decorators, without running Python: a small tolerant scanner of logical lines (strings, comments,
 * brackets and continuations handled) that knows {@code X = Chalice(...)}, {@code X = Blueprint(...)},
 * {@code @X.decorator(...)} followed by {@code def}, and {@code app.register_blueprint(bp, name_prefix='p')}.
 * Code it cannot read (an unterminated string or bracket, a decorator not followed by a function) makes the result
 * unreadable, and the caller falls back to the stage-wide view. Handlers registered without decorators (e.g.
 * {@code app.register_middleware}) are not functions and are ignored; dynamically built routes cannot be seen.
 */
public final class ChaliceAppScanner {

    /**
     * What the scan found.
     *
     * @param functions the functions in Chalice's deployment order (pure functions, event handlers, the API handler and
     *                  its authorizers, websocket handlers), each once
     * @param readable  false when app.py could not be read; {@code problem} then says why
     * @param problem   the reason, or null
     */
    public record Result(List<ChaliceFunction> functions, boolean readable, String problem) {
    }

    /** Decorators that make a function of their own, by Chalice's deployment group (ApplicationGraphBuilder.build). */
    private static final Set<String> PURE = Set.of("lambda_function");
    private static final Set<String> EVENTS = Set.of("schedule", "on_cw_event", "on_s3_event", "on_sns_message", "on_sqs_message",
            "on_kinesis_record", "on_dynamodb_record");
    private static final Map<String, String> WEBSOCKET = Map.of("on_ws_connect", "websocket_connect", "on_ws_message",
            "websocket_message", "on_ws_disconnect", "websocket_disconnect");

    private static final Pattern ASSIGN = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=]*)?=\\s*(?:[A-Za-z_][A-Za-z0-9_]*\\.)*(Chalice|Blueprint)\\s*\\(");
    private static final Pattern DECORATOR = Pattern.compile("^@\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\((.*)\\))?\\s*$", Pattern.DOTALL);
    private static final Pattern DEF = Pattern.compile("^(?:async\\s+)?def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern NAME_KW = Pattern.compile("(?:^|[,(\\s])name\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\")");
    private static final Pattern PREFIX_KW = Pattern.compile("name_prefix\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\")");
    private static final Pattern REGISTER = Pattern.compile("\\.register_blueprint\\s*\\(\\s*(?:[A-Za-z_][A-Za-z0-9_]*\\.)*([A-Za-z_][A-Za-z0-9_]*)\\s*(.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern FROM_IMPORT = Pattern.compile("^from\\s+(chalicelib(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s+import\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(.*)$", Pattern.DOTALL);

    private ChaliceAppScanner() {
    }

    private record Handler(String var, String decorator, String name, SourceLocation at) {
    }

    private static final class Scan {
        final Map<String, String> kinds = new HashMap<>(); // var -> Chalice | Blueprint
        final List<Handler> handlers = new ArrayList<>();
        final Map<String, String> prefixes = new LinkedHashMap<>(); // blueprint var -> name_prefix ("" when registered)
        final List<Path> seen = new ArrayList<>();
    }

    /** Scans {@code projectDir/app.py} and the chalicelib modules it imports. */
    public static Result scan(Path projectDir) {
        Scan scan = new Scan();
        Path app = projectDir.resolve("app.py");
        String problem = scanFile(projectDir, app, Path.of("app.py"), scan);
        if (problem != null) {
            return new Result(List.of(), false, problem);
        }
        if (!scan.kinds.containsValue("Chalice")) {
            return new Result(List.of(), false, app + " has no `app = Chalice(...)` that layerfit can see");
        }
        List<ChaliceFunction> pure = new ArrayList<>();
        List<ChaliceFunction> events = new ArrayList<>();
        List<ChaliceFunction> api = new ArrayList<>();
        List<ChaliceFunction> authorizers = new ArrayList<>();
        Map<String, ChaliceFunction> websocket = new LinkedHashMap<>();
        for (Handler h : scan.handlers) {
            String kind = scan.kinds.get(h.var());
            String prefix = "";
            if ("Blueprint".equals(kind)) {
                if (!scan.prefixes.containsKey(h.var())) {
                    continue; // a blueprint never registered deploys nothing
                }
                prefix = scan.prefixes.get(h.var());
            } else if (!"Chalice".equals(kind)) {
                continue;
            }
            String d = h.decorator();
            if (d.equals("route")) {
                if (api.isEmpty()) {
                    api.add(new ChaliceFunction(ChaliceConfig.API_HANDLER, "route", h.at()));
                }
            } else if (d.equals("authorizer")) {
                authorizers.add(new ChaliceFunction(prefix + h.name(), d, h.at()));
            } else if (PURE.contains(d)) {
                pure.add(new ChaliceFunction(prefix + h.name(), d, h.at()));
            } else if (EVENTS.contains(d)) {
                events.add(new ChaliceFunction(prefix + h.name(), d, h.at()));
            } else if (WEBSOCKET.containsKey(d)) {
                websocket.putIfAbsent(d, new ChaliceFunction(WEBSOCKET.get(d), d, h.at()));
            }
        }
        List<ChaliceFunction> all = new ArrayList<>(pure);
        all.addAll(events);
        if (!api.isEmpty()) {
            all.addAll(api);
            all.addAll(authorizers);
        }
        for (String d : List.of("on_ws_connect", "on_ws_message", "on_ws_disconnect")) {
            if (websocket.containsKey(d)) {
                all.add(websocket.get(d));
            }
        }
        LinkedHashMap<String, ChaliceFunction> unique = new LinkedHashMap<>();
        all.forEach(f -> unique.putIfAbsent(f.resourceName(), f));
        return new Result(List.copyOf(unique.values()), true, null);
    }

    private static String scanFile(Path projectDir, Path file, Path shown, Scan scan) {
        if (scan.seen.contains(file)) {
            return null;
        }
        scan.seen.add(file);
        String text;
        try {
            text = dev.layerfit.io.InputFiles.readUtf8(file, "the app source");
        } catch (MalformedInputException e) {
            return file + " is not UTF-8 text";
        } catch (IOException e) {
            return "cannot read " + file + " (" + dev.layerfit.error.ExceptionWords.describe(e) + ")";
        }
        List<LogicalLine> lines;
        try {
            lines = LogicalLine.split(text);
        } catch (IllegalArgumentException e) {
            return shown + ":" + e.getMessage();
        }
        List<Handler> pending = new ArrayList<>();
        List<String> pendingVars = new ArrayList<>();
        List<String> pendingDecorators = new ArrayList<>();
        List<String> pendingNames = new ArrayList<>();
        int pendingLine = 0;
        for (LogicalLine line : lines) {
            String s = line.text();
            if (s.startsWith("@")) {
                Matcher m = DECORATOR.matcher(s);
                if (m.matches()) {
                    pendingVars.add(m.group(1));
                    pendingDecorators.add(m.group(2));
                    pendingNames.add(m.group(4) == null ? null : nameArgument(m.group(4)));
                } else {
                    pendingVars.add(null);
                    pendingDecorators.add(null);
                    pendingNames.add(null);
                }
                if (pendingLine == 0) {
                    pendingLine = line.number();
                }
                continue;
            }
            Matcher def = DEF.matcher(s);
            if (def.find()) {
                for (int i = 0; i < pendingVars.size(); i++) {
                    if (pendingVars.get(i) != null) {
                        String name = pendingNames.get(i) != null ? pendingNames.get(i) : def.group(1);
                        scan.handlers.add(new Handler(pendingVars.get(i), pendingDecorators.get(i), name,
                                SourceLocation.of(shown, pendingLine)));
                    }
                }
                pendingVars.clear();
                pendingDecorators.clear();
                pendingNames.clear();
                pendingLine = 0;
                continue;
            }
            if (!pendingVars.isEmpty() && !s.startsWith("class ")) {
                return shown + ":" + pendingLine + ": a decorator is not followed by a function definition";
            }
            pendingVars.clear();
            pendingDecorators.clear();
            pendingNames.clear();
            pendingLine = 0;
            Matcher a = ASSIGN.matcher(s);
            if (a.find()) {
                scan.kinds.put(a.group(1), a.group(2));
                continue;
            }
            Matcher r = REGISTER.matcher(s);
            if (r.find()) {
                Matcher p = PREFIX_KW.matcher(r.group(2));
                scan.prefixes.put(r.group(1), p.find() ? (p.group(1) != null ? p.group(1) : p.group(2)) : "");
                continue;
            }
            for (String module : importedChalicelib(s)) {
                Path base = projectDir.resolve(module.replace('.', '/'));
                for (Path candidate : List.of(base.resolveSibling(base.getFileName() + ".py"), base.resolve("__init__.py"))) {
                    if (Files.isRegularFile(candidate)) {
                        String problem = scanFile(projectDir, candidate, projectDir.relativize(candidate), scan);
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
            }
        }
        if (!pendingVars.isEmpty()) {
            return shown + ":" + pendingLine + ": a decorator is not followed by a function definition";
        }
        return null;
    }

    private static String nameArgument(String args) {
        Matcher m = NAME_KW.matcher(args);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    /** The chalicelib modules an import line names (and, for {@code from chalicelib import x}, the submodules x). */
    private static List<String> importedChalicelib(String s) {
        List<String> out = new ArrayList<>();
        Matcher f = FROM_IMPORT.matcher(s);
        if (f.matches()) {
            out.add(f.group(1));
            for (String part : f.group(2).replace("(", "").replace(")", "").split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    out.add(f.group(1) + "." + name);
                }
            }
            return out;
        }
        Matcher i = IMPORT.matcher(s);
        if (i.matches()) {
            for (String part : i.group(1).split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (name.startsWith("chalicelib")) {
                    String[] pieces = name.split("\\.");
                    StringBuilder sb = new StringBuilder();
                    for (String piece : pieces) {
                        sb.append(sb.length() == 0 ? "" : ".").append(piece);
                        out.add(sb.toString());
                    }
                }
            }
        }
        return out;
    }

    /** A logical line of Python: physical lines joined inside brackets and after a backslash, comments dropped. */
    record LogicalLine(int number, String text) {

        /** @throws IllegalArgumentException "LINE: why" for an unterminated string or bracket */
        static List<LogicalLine> split(String source) {
            List<LogicalLine> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            int depth = 0;
            int line = 1;
            int start = 1;
            int stringStart = 0;
            int n = source.length();
            for (int i = 0; i < n; i++) {
                char c = source.charAt(i);
                if (c == '#') {
                    while (i < n && source.charAt(i) != '\n') {
                        i++;
                    }
                    i--;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    boolean triple = i + 2 < n && source.charAt(i + 1) == c && source.charAt(i + 2) == c;
                    String quote = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                    stringStart = line;
                    int j = i + quote.length();
                    StringBuilder lit = new StringBuilder();
                    boolean closed = false;
                    while (j < n) {
                        char d = source.charAt(j);
                        if (d == '\\' && j + 1 < n) {
                            lit.append(d).append(source.charAt(j + 1));
                            if (source.charAt(j + 1) == '\n') {
                                line++;
                            }
                            j += 2;
                            continue;
                        }
                        if (source.startsWith(quote, j)) {
                            closed = true;
                            break;
                        }
                        if (d == '\n') {
                            if (!triple) {
                                break;
                            }
                            line++;
                        }
                        lit.append(d);
                        j++;
                    }
                    if (!closed) {
                        throw new IllegalArgumentException(stringStart + ": a string is not closed");
                    }
                    cur.append(quote).append(triple ? "" : lit.toString().replace("\n", " ")).append(quote);
                    i = j + quote.length() - 1;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                    if (depth < 0) {
                        throw new IllegalArgumentException(line + ": a closing bracket has no opening one");
                    }
                }
                if (c == '\\' && i + 1 < n && source.charAt(i + 1) == '\n') {
                    i++;
                    line++;
                    cur.append(' ');
                    continue;
                }
                if (c == '\n') {
                    line++;
                    if (depth > 0) {
                        cur.append(' ');
                        continue;
                    }
                    flush(out, cur, start);
                    start = line;
                    continue;
                }
                if (c == ';' && depth == 0) {
                    flush(out, cur, start);
                    continue;
                }
                if (cur.length() == 0 && Character.isWhitespace(c)) {
                    continue;
                }
                if (cur.length() == 0) {
                    start = line;
                }
                cur.append(c);
            }
            if (depth > 0) {
                throw new IllegalArgumentException(start + ": a bracket opened here is not closed");
            }
            flush(out, cur, start);
            return out;
        }

        private static void flush(List<LogicalLine> out, StringBuilder cur, int start) {
            String t = cur.toString().strip();
            if (!t.isEmpty()) {
                out.add(new LogicalLine(start, t));
            }
            cur.setLength(0);
        }
    }
}
