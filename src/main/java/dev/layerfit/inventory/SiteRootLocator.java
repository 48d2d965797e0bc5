package dev.layerfit.inventory;

import dev.layerfit.archive.ArchiveEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the site root of an entry name, without regular expressions (it runs once per entry).
 * Layer paths are the ones Lambda documents ("Layer paths" in lambda-facts.md): {@code python/},
 * {@code python/lib/python3.X/site-packages/}, {@code nodejs/node_modules/},
 * {@code nodejs/nodeNN/node_modules/}, {@code java/lib/}. An artifact with none of the top-level
 * folders {@code python/}, {@code nodejs/}, {@code java/} is taken to be a function zip unless the caller
 * says which it is: a function zip's root is a Python site root ({@code /var/task}) and its
 * {@code node_modules/} a Node.js one.
 */
final class SiteRootLocator {

    static final String PYTHON = "python/";
    static final String NODEJS = "nodejs/";
    static final String JAVA_LIB = "java/lib/";
    private static final String NODE_MODULES = "node_modules/";
    private static final String SITE_PACKAGES = "/site-packages/";

    private final boolean functionZip;
    private final Map<String, SiteRoot> roots = new HashMap<>();

    private SiteRootLocator(boolean functionZip) {
        this.functionZip = functionZip;
    }

    static SiteRootLocator forEntries(List<ArchiveEntry> entries, ArtifactKind kind) {
        if (kind != ArtifactKind.DETECT) {
            return new SiteRootLocator(kind == ArtifactKind.FUNCTION);
        }
        for (ArchiveEntry e : entries) {
            String n = e.name();
            if (n.startsWith(PYTHON) || n.startsWith(NODEJS) || n.startsWith("java/")) {
                return new SiteRootLocator(false);
            }
        }
        return new SiteRootLocator(true);
    }

    boolean isFunctionZip() {
        return functionZip;
    }

    /** The site root holding {@code name}; entries outside every site root get the NONE root {@code ""}. */
    SiteRoot locate(String name) {
        if (functionZip) {
            return name.startsWith(NODE_MODULES) ? root(NODE_MODULES, Ecosystem.NODE, 0) : root("", Ecosystem.PYTHON, 0);
        }
        if (name.startsWith(PYTHON)) {
            String sitePackages = sitePackages(name);
            return sitePackages != null ? root(sitePackages, Ecosystem.PYTHON, 1) : root(PYTHON, Ecosystem.PYTHON, 2);
        }
        if (name.startsWith(NODEJS)) {
            if (name.startsWith(NODE_MODULES, NODEJS.length())) {
                return root(NODEJS + NODE_MODULES, Ecosystem.NODE, 2);
            }
            int slash = name.indexOf('/', NODEJS.length());
            if (slash > 0 && isNodeVersionFolder(name, NODEJS.length(), slash) && name.startsWith(NODE_MODULES, slash + 1)) {
                return root(name.substring(0, slash + 1 + NODE_MODULES.length()), Ecosystem.NODE, 1);
            }
        } else if (name.startsWith(JAVA_LIB)) {
            return root(JAVA_LIB, Ecosystem.JAVA, 1);
        }
        return root("", Ecosystem.NONE, 1);
    }

    /** {@code python/lib/python3.X/site-packages/} when {@code name} lies inside one, else null. */
    private static String sitePackages(String name) {
        String lib = PYTHON + "lib/python3";
        if (!name.startsWith(lib)) {
            return null;
        }
        int slash = name.indexOf('/', lib.length());
        if (slash < lib.length() + 2 || name.charAt(lib.length()) != '.' || !name.startsWith(SITE_PACKAGES, slash)) {
            return null;
        }
        for (int i = lib.length(); i < slash; i++) {
            char c = name.charAt(i);
            if (!(c == '.' || Character.isDigit(c))) {
                return null;
            }
        }
        return name.substring(0, slash + SITE_PACKAGES.length());
    }

    /** "node" followed by one or more digits, between {@code from} and {@code to}. */
    private static boolean isNodeVersionFolder(String name, int from, int to) {
        if (to - from <= 4 || !name.startsWith("node", from)) {
            return false;
        }
        for (int i = from + 4; i < to; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private SiteRoot root(String prefix, Ecosystem ecosystem, int order) {
        SiteRoot r = roots.get(prefix);
        if (r == null || r.ecosystem() != ecosystem) {
            r = new SiteRoot(prefix, ecosystem, order);
            roots.put(prefix, r);
        }
        return r;
    }
}
