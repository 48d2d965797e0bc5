package dev.layerfit.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Pseudo-distributions without metadata (folders, modules, function code), one per site root and name. */
final class PseudoDistributions {

    private final Map<String, DistributionTally> byKey = new LinkedHashMap<>();

    DistributionTally get(SiteRoot root, String name, AttributedBy attributedBy) {
        String key = root.ecosystem() + "\0" + root.prefix() + "\0" + attributedBy + "\0" + name;
        return byKey.computeIfAbsent(key, k -> new DistributionTally(name, null, attributedBy, root));
    }

    /**
     * The folder or module a runtime path belongs to when nothing else is known: its top-level folder,
     * or a top-level module file's name up to its first dot ({@code six.py} → {@code six},
     * {@code _cffi.cpython-311-x86_64-linux-gnu.so} → {@code _cffi}); an auditwheel folder
     * {@code numpy.libs/} counts as {@code numpy}.
     */
    static String topLevelName(String runtimePath) {
        int slash = runtimePath.indexOf('/');
        if (slash < 0) {
            int dot = runtimePath.indexOf('.');
            return dot > 0 ? runtimePath.substring(0, dot) : runtimePath;
        }
        String folder = runtimePath.substring(0, slash);
        return folder.endsWith(".libs") && folder.length() > 5 ? folder.substring(0, folder.length() - 5) : folder;
    }
}
