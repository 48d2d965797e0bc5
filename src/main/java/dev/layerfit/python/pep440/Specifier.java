package dev.layerfit.python.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version specifier clause such as {@code >=1.0}, {@code ==1.4.*} or {@code ~=2.2},
 * with the syntax and comparison rules of pypa/packaging 26.2 {@code Specifier}. Most callers want
 * {@link SpecifierSet}, which also applies the pre-release policy.
 */
public final class Specifier {

    /** The comparison operators of PEP 440. */
    public enum Operator {
        COMPATIBLE("~="), EQUAL("=="), NOT_EQUAL("!="), LESS_EQUAL("<="), GREATER_EQUAL(">="),
        LESS("<"), GREATER(">"), ARBITRARY("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, e.g. {@code ~=}. */
        public String symbol() {
            return symbol;
        }

        static Operator fromSymbol(String s) {
            for (Operator op : values()) {
                if (op.symbol.equals(s)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(s);
        }
    }

    private static final String WS = "[" + PythonWhitespace.CLASS_BODY + "]";
    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String LOCAL = "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";
    /** packaging 26.2's {@code Specifier._specifier_regex_str}, with Python's whitespace set. */
    private static final String GRAMMAR = "(?:"
            + "(?:===" + WS + "*[^" + PythonWhitespace.CLASS_BODY + ";)]*)"
            + "|(?:(?:==|!=)" + WS + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:\\.\\*|" + PRE + POST + DEV + LOCAL + ")?)"
            + "|(?:~=" + WS + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
            + "|(?:(?:<=|>=|<|>)" + WS + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")"
            + ")";
    private static final Pattern FULL = Pattern.compile(WS + "*" + GRAMMAR + WS + "*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile(GRAMMAR, Pattern.CASE_INSENSITIVE);
    private static final Pattern PREFIX = Pattern.compile("([0-9]+)((?:a|b|c|rc)[0-9]+)");

    private final Operator operator;
    private final String version;
    private final Version specVersion;

    private Specifier(Operator operator, String version) {
        this.operator = operator;
        this.version = version;
        this.specVersion = Version.parseOrNull(version);
    }

    /** Parses one clause; throws {@link InvalidSpecifierException} when it is not valid. */
    public static Specifier parse(String text) {
        if (text.length() > Version.MAX_LENGTH + 16 || !FULL.matcher(text).matches()) {
            throw new InvalidSpecifierException(text);
        }
        String spec = PythonWhitespace.strip(text);
        String op;
        if (spec.startsWith("===")) {
            op = "===";
        } else if (spec.startsWith("~=") || spec.startsWith("==") || spec.startsWith("!=")
                || spec.startsWith("<=") || spec.startsWith(">=")) {
            op = spec.substring(0, 2);
        } else {
            op = spec.substring(0, 1);
        }
        return new Specifier(Operator.fromSymbol(op), PythonWhitespace.strip(spec.substring(op.length())));
    }

    /**
     * Length of the specifier clause that starts at {@code from} in {@code source} (regex "match" semantics,
     * as packaging's requirement tokenizer uses it), or -1 when none starts there.
     */
    public static int matchLength(String source, int from) {
        Matcher m = TOKEN.matcher(source);
        m.region(from, source.length());
        m.useTransparentBounds(true);
        return m.lookingAt() ? m.end() - from : -1;
    }

    public Operator operator() {
        return operator;
    }

    /** The version part as written (stripped), e.g. {@code 1.4.*}. */
    public String version() {
        return version;
    }

    /**
     * Whether this clause mentions a pre-release (packaging's {@code Specifier.prereleases} without an
     * override): {@code FALSE} for {@code !=} and wildcards, {@code null} when an {@code ===} version is not
     * a PEP 440 version.
     */
    public Boolean mentionsPrerelease() {
        if (operator == Operator.NOT_EQUAL) {
            return Boolean.FALSE;
        }
        if (operator == Operator.EQUAL && version.endsWith(".*")) {
            return Boolean.FALSE;
        }
        return specVersion == null ? null : specVersion.isPrerelease();
    }

    /**
     * Whether an item passes this clause's comparison, ignoring the pre-release policy. {@code raw} is the
     * item as given (used by {@code ===}); {@code parsed} is its version or null when it is not one.
     */
    public boolean matches(String raw, Version parsed) {
        if (operator == Operator.ARBITRARY) {
            return raw.toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
        }
        if (parsed == null) {
            return false;
        }
        switch (operator) {
            case COMPATIBLE:
                return compatible(parsed);
            case EQUAL:
                return equal(parsed, version);
            case NOT_EQUAL:
                return !equal(parsed, version);
            case LESS_EQUAL:
                return parsed.withoutLocal().compareTo(specVersion) <= 0;
            case GREATER_EQUAL:
                return parsed.withoutLocal().compareTo(specVersion) >= 0;
            case LESS:
                return less(parsed);
            case GREATER:
                return greater(parsed);
            default:
                throw new IllegalStateException(operator.toString());
        }
    }

    private boolean compatible(Version prospective) {
        List<String> kept = new ArrayList<>();
        for (String part : versionSplit(version)) {
            if (isSuffix(part)) {
                break;
            }
            kept.add(part);
        }
        kept = kept.subList(0, kept.size() - 1);
        String prefix = kept.get(0) + "!" + String.join(".", kept.subList(1, kept.size())) + ".*";
        return prospective.withoutLocal().compareTo(specVersion) >= 0 && equal(prospective, prefix);
    }

    private static boolean isSuffix(String segment) {
        return segment.startsWith("dev") || segment.startsWith("a") || segment.startsWith("b")
                || segment.startsWith("rc") || segment.startsWith("post");
    }

    private static boolean equal(Version prospective, String spec) {
        if (spec.endsWith(".*")) {
            List<String> splitSpec = versionSplit(canonicalize(spec.substring(0, spec.length() - 2)));
            List<String> padded = leftPad(versionSplit(prospective.withoutLocal().toString()),
                    numericPrefixLength(splitSpec));
            List<String> shortened = padded.subList(0, Math.min(splitSpec.size(), padded.size()));
            return shortened.equals(splitSpec);
        }
        Version specVersion = Version.parse(spec);
        Version candidate = specVersion.local() == null ? prospective.withoutLocal() : prospective;
        return candidate.equals(specVersion);
    }

    private boolean less(Version prospective) {
        if (prospective.compareTo(specVersion) >= 0) {
            return false;
        }
        // "<V MUST NOT allow a pre-release of the specified version unless V itself is one" (PEP 440)
        return specVersion.isPrerelease() || !prospective.isPrerelease()
                || prospective.compareTo(specVersion.earliestPrerelease()) < 0;
    }

    private boolean greater(Version prospective) {
        if (prospective.compareTo(specVersion) <= 0) {
            return false;
        }
        if (!specVersion.isPostrelease() && prospective.isPostrelease()
                && prospective.postBase().equals(specVersion)) {
            return false;
        }
        return prospective.local() == null || !prospective.withoutLocal().equals(specVersion);
    }

    private static String canonicalize(String text) {
        Version v = Version.parseOrNull(text);
        return v == null ? text : v.toString();
    }

    /** packaging's {@code _version_split}: epoch first, then dot parts, "1rc2" split into "1", "rc2". */
    private static List<String> versionSplit(String v) {
        List<String> result = new ArrayList<>();
        int bang = v.lastIndexOf('!');
        String epoch = bang < 0 ? "" : v.substring(0, bang);
        result.add(epoch.isEmpty() ? "0" : epoch);
        for (String item : v.substring(bang + 1).split("\\.", -1)) {
            Matcher m = PREFIX.matcher(item);
            if (m.matches()) {
                result.add(m.group(1));
                result.add(m.group(2));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    private static int numericPrefixLength(List<String> split) {
        int n = 0;
        for (String s : split) {
            if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
                break;
            }
            n++;
        }
        return n;
    }

    private static List<String> leftPad(List<String> split, int targetNumericLength) {
        int numeric = numericPrefixLength(split);
        if (targetNumericLength <= numeric) {
            return split;
        }
        List<String> out = new ArrayList<>(split.subList(0, numeric));
        for (int i = numeric; i < targetNumericLength; i++) {
            out.add("0");
        }
        out.addAll(split.subList(numeric, split.size()));
        return out;
    }

    /** Key under which two clauses are the same (packaging's {@code _canonical_spec}). */
    String canonicalKey() {
        if (operator == Operator.ARBITRARY || version.endsWith(".*") || specVersion == null) {
            return operator.symbol + version;
        }
        return operator.symbol + (operator == Operator.COMPATIBLE ? specVersion.toString() : specVersion.toTrimmedString());
    }

    /** The clause as packaging prints it: operator then version, no space. */
    @Override
    public String toString() {
        return operator.symbol + version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Specifier && canonicalKey().equals(((Specifier) o).canonicalKey());
    }

    @Override
    public int hashCode() {
        return canonicalKey().hashCode();
    }
}
