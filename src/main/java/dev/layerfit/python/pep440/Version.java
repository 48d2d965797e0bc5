package dev.layerfit.python.pep440;

import dev.layerfit.python.CodePointOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed and normalised exactly as pypa/packaging 26.2 {@code Version} does:
 * epochs, alternative pre-release spellings, implicit post-releases, dev releases, local labels,
 * a leading {@code v} and surrounding (Python) whitespace. Numbers are arbitrary precision.
 * Ordering follows packaging's {@code _cmpkey}; {@link #equals} agrees with {@link #compareTo}.
 */
public final class Version implements Comparable<Version> {

    // The PEP 440 appendix pattern as packaging 26.2 compiles it on CPython >= 3.11.5: possessive
    // quantifiers (no catastrophic backtracking), ASCII-only case folding, Python whitespace around it.
    private static final String WS = "[" + PythonWhitespace.CLASS_BODY + "]*";
    private static final Pattern PATTERN = Pattern.compile(WS
            + "v?+"
            + "(?:(?<epoch>[0-9]+)!)?+"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*+)"
            + "(?<pre>[._-]?+(?<prel>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<pren>[0-9]+)?)?+"
            + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[._-]?(?<postl>post|rev|r)[._-]?(?<postn2>[0-9]+)?))?+"
            + "(?<dev>[._-]?+(?<devl>dev)[._-]?+(?<devn>[0-9]+)?)?+"
            + "(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*+))?+"
            + WS, Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> LETTER_NORMALISATION = Map.of(
            "alpha", "a", "beta", "b", "c", "rc", "pre", "rc", "preview", "rc", "rev", "post", "r", "post");

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final String preLetter;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<Object> local;
    /** {@link #toString()}, made once: the resolver turns each candidate into text many times (BigInteger digits). */
    private String text;

    Version(BigInteger epoch, List<BigInteger> release, String preLetter, BigInteger preNumber,
            BigInteger post, BigInteger dev, List<Object> local) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.preLetter = preLetter;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local == null ? null : Collections.unmodifiableList(new ArrayList<>(local));
    }

    /** Parses a version; throws {@link InvalidVersionException} when it is not PEP 440. */
    public static Version parse(String text) {
        Version v = parseOrNull(text);
        if (v == null) {
            throw new InvalidVersionException(text);
        }
        return v;
    }

    /** Parses a version, or returns empty when it is not PEP 440. */
    public static Optional<Version> tryParse(String text) {
        return Optional.ofNullable(parseOrNull(text));
    }

    /** The longest text taken for a version (the longest on PyPI are under 100 characters). */
    static final int MAX_LENGTH = 1024;

    static Version parseOrNull(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            return null; // no real version is this long; the regex engine would recurse once per part
        }
        if (isDigitsAndDots(text)) {
            return parseSimple(text);
        }
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLetter = null;
        BigInteger preNumber = null;
        if (m.group("prel") != null) {
            preLetter = normaliseLetter(m.group("prel"));
            preNumber = number(m.group("pren"));
        }
        BigInteger post = null;
        if (m.group("postl") != null) {
            post = number(m.group("postn2"));
        } else if (m.group("postn1") != null) {
            post = new BigInteger(m.group("postn1"));
        }
        BigInteger dev = m.group("devl") != null ? number(m.group("devn")) : null;
        List<Object> local = m.group("local") == null ? null : parseLocal(m.group("local"));
        return new Version(epoch, release, preLetter, preNumber, post, dev, local);
    }

    private static boolean isDigitsAndDots(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static Version parseSimple(String text) {
        List<BigInteger> release = new ArrayList<>();
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            String part = dot < 0 ? text.substring(start) : text.substring(start, dot);
            if (part.isEmpty()) {
                return null;
            }
            release.add(new BigInteger(part));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return new Version(BigInteger.ZERO, release, null, null, null, null, null);
    }

    private static String normaliseLetter(String letter) {
        String lower = letter.toLowerCase(Locale.ROOT);
        return LETTER_NORMALISATION.getOrDefault(lower, lower);
    }

    private static BigInteger number(String digits) {
        return digits == null || digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static List<Object> parseLocal(String text) {
        List<Object> parts = new ArrayList<>();
        for (String part : text.split("[._-]", -1)) {
            parts.add(isAsciiDigits(part) ? new BigInteger(part) : part.toLowerCase(Locale.ROOT));
        }
        return parts;
    }

    private static boolean isAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public BigInteger epoch() {
        return epoch;
    }

    /** The release segment as written (trailing zeros kept). */
    public List<BigInteger> release() {
        return release;
    }

    /** The pre-release letter ({@code a}, {@code b} or {@code rc}), or null. */
    public String preLetter() {
        return preLetter;
    }

    /** The pre-release number, or null when there is no pre-release. */
    public BigInteger preNumber() {
        return preNumber;
    }

    /** The post-release number, or null. */
    public BigInteger post() {
        return post;
    }

    /** The development release number, or null. */
    public BigInteger dev() {
        return dev;
    }

    /** The normalised local label ({@code .}-separated, lower case), or null. */
    public String local() {
        if (local == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Object part : local) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    public boolean isPrerelease() {
        return dev != null || preLetter != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    public boolean isDevrelease() {
        return dev != null;
    }

    /** {@code str(version)} without the local label. */
    public String publicString() {
        String s = toString();
        int plus = s.indexOf('+');
        return plus < 0 ? s : s.substring(0, plus);
    }

    /** This version without its local label. */
    public Version withoutLocal() {
        return local == null ? this : new Version(epoch, release, preLetter, preNumber, post, dev, null);
    }

    /** Epoch and release only, e.g. {@code 1!2.0} for {@code 1!2.0rc1.post3+x}. */
    public String baseVersion() {
        String rel = joinRelease(release);
        return epoch.signum() != 0 ? epoch + "!" + rel : rel;
    }

    /** The version with post, dev and local removed: what a post-release is a post-release of. */
    Version postBase() {
        return new Version(epoch, release, preLetter, preNumber, null, null, null);
    }

    /** The earliest pre-release of this version: dev 0, no local. */
    Version earliestPrerelease() {
        return new Version(epoch, release, preLetter, preNumber, post, BigInteger.ZERO, null);
    }

    /** The normalised form with trailing release zeros removed (one kept), as packaging's canonicalize_version. */
    String toTrimmedString() {
        int n = release.size();
        while (n > 1 && release.get(n - 1).signum() == 0) {
            n--;
        }
        return new Version(epoch, release.subList(0, n), preLetter, preNumber, post, dev, local).toString();
    }

    private static String joinRelease(List<BigInteger> release) {
        StringBuilder sb = new StringBuilder();
        for (BigInteger part : release) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The normalised form, as {@code str(Version(...))}. */
    @Override
    public String toString() {
        String t = text; // a benign race: every thread computes the same string
        if (t == null) {
            t = normalised();
            text = t;
        }
        return t;
    }

    private String normalised() {
        StringBuilder sb = new StringBuilder(baseVersion());
        if (preLetter != null) {
            sb.append(preLetter).append(preNumber);
        }
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
        if (local != null) {
            sb.append('+').append(local());
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareReleases(release, o.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (preLetter != null) {
            c = preNumber.compareTo(o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        c = Boolean.compare(post != null, o.post != null);
        if (c != 0) {
            return c;
        }
        if (post != null) {
            c = post.compareTo(o.post);
            if (c != 0) {
                return c;
            }
        }
        // no dev sorts after any dev
        c = Boolean.compare(dev == null, o.dev == null);
        if (c != 0) {
            return c;
        }
        if (dev != null) {
            c = dev.compareTo(o.dev);
            if (c != 0) {
                return c;
            }
        }
        return compareLocals(local, o.local);
    }

    /** dev-only = -1, a = 0, b = 1, rc = 2, no pre-release = 3 (packaging's _cmpkey suffix). */
    private int preRank() {
        if (preLetter == null) {
            return post == null && dev != null ? -1 : 3;
        }
        switch (preLetter) {
            case "a":
                return 0;
            case "b":
                return 1;
            default:
                return 2;
        }
    }

    private static int trimmedLength(List<BigInteger> release) {
        int n = release.size();
        while (n > 0 && release.get(n - 1).signum() == 0) {
            n--;
        }
        return n;
    }

    private static int compareReleases(List<BigInteger> a, List<BigInteger> b) {
        int na = trimmedLength(a);
        int nb = trimmedLength(b);
        for (int i = 0; i < Math.min(na, nb); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(na, nb);
    }

    /** No local label sorts first; strings sort before numbers; shorter prefix first. */
    private static int compareLocals(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger && y instanceof BigInteger) {
                c = ((BigInteger) x).compareTo((BigInteger) y);
            } else if (x instanceof String && y instanceof String) {
                c = CodePointOrder.compare((String) x, (String) y);
            } else {
                c = x instanceof BigInteger ? 1 : -1;
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version && compareTo((Version) o) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, release.subList(0, trimmedLength(release)), preRank(), preNumber, post, dev, local);
    }
}
