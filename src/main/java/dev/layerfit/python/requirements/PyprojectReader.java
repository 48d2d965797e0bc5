package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import dev.layerfit.io.TomlTable;
import dev.layerfit.python.pep508.InvalidRequirementException;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requirements a {@code pyproject.toml} declares: PEP 621's {@code [project].dependencies}, the
 * {@code [project.optional-dependencies]} named with {@code --extra}, and PEP 735's {@code [dependency-groups]} named
 * with {@code --group} (with {@code {include-group = "..."}} entries). Extra and group names compare normalised
 * (PEP 685, PEP 735). The project itself is not installed.
 *
 * <p>Refused, each in one sentence: no {@code [project]} table (unless only groups are asked for), dependencies
 * listed in {@code [project].dynamic} (the build backend computes them; reading them means building), an unknown
 * extra or group, an include-group cycle.
 */
final class PyprojectReader {

    private final TomlTable doc;
    private final String text;
    private final Path file;

    private PyprojectReader(TomlTable doc, String text, Path file) {
        this.doc = doc;
        this.text = text;
        this.file = file;
    }

    /** The entries of {@code text} (the file {@code file}) for the selected extras and groups. */
    static List<RequirementsFileEntry> read(String text, Path file, List<String> extras, List<String> groups) {
        return new PyprojectReader(TomlTable.parse(text, file.toString()), text, file).entries(extras, groups);
    }

    /**
     * The entries for {@code --with-project}: the project itself ({@code name[extras]}, its dependencies and extras then
     * come from the wheel built from it, so dynamic ones are fine) and the selected groups.
     *
     * @return the project's requirement first, then the groups' entries
     */
    static List<RequirementsFileEntry> readWithProject(String text, Path file, List<String> extras, List<String> groups) {
        PyprojectReader reader = new PyprojectReader(TomlTable.parse(text, file.toString()), text, file);
        TomlTable project = reader.doc.table("project").orElse(null);
        String name = project == null ? null : project.string("name").orElse(null);
        if (name == null || name.isBlank()) {
            throw new BadInputException(file + (project == null ? " has no [project] table" : " has no [project].name")
                    + ", so --with-project has no project to build (PEP 621); add [project] with a name, or leave "
                    + "--with-project out");
        }
        String spec = extras.isEmpty() ? name : name + "[" + String.join(",", extras) + "]";
        List<RequirementsFileEntry> out = new ArrayList<>();
        try {
            out.add(new RequirementsFileEntry(Requirement.parse(spec), file, reader.lineOf(name), List.of()));
        } catch (InvalidRequirementException e) {
            throw new BadInputException(file + ": [project].name \"" + name + "\" with --extra " + String.join(",", extras)
                    + " is not a valid project name and extras (" + e.getMessage() + "); fix the name or the --extra", e);
        }
        reader.groups(groups, out);
        return out;
    }

    private List<RequirementsFileEntry> entries(List<String> extras, List<String> groups) {
        List<RequirementsFileEntry> out = new ArrayList<>();
        TomlTable project = doc.table("project").orElse(null);
        if (project == null) {
            if (doc.has("dependency-groups") && !groups.isEmpty() && extras.isEmpty()) {
                groups(groups, out);
                return out;
            }
            if (doc.table("tool").flatMap(t -> t.table("poetry")).isPresent()) {
                throw new BadInputException(file + " has no [project] table: its dependencies are in [tool.poetry], Poetry's "
                        + "own format; give its poetry.lock instead, or declare them in [project] (PEP 621)");
            }
            throw new BadInputException(file + " has no [project] table, so it declares no dependencies (PEP 621); add "
                    + "[project] with a dependencies list, or give a requirements file or a lock");
        }
        List<String> dynamic = project.strings("dynamic");
        if (dynamic.contains("dependencies")) {
            throw new BadInputException(file + " lists \"dependencies\" in [project].dynamic: its build backend computes them, "
                    + "which layerfit cannot read without building the project; list them in [project].dependencies, add "
                    + "--with-project to build the project and install it with them, or give a requirements file or a lock");
        }
        if (!extras.isEmpty() && dynamic.contains("optional-dependencies")) {
            throw new BadInputException(file + " lists \"optional-dependencies\" in [project].dynamic, so --extra cannot be "
                    + "read without building the project; list them in [project.optional-dependencies]");
        }
        for (String dep : project.strings("dependencies")) {
            out.add(entry(dep, "[project].dependencies"));
        }
        if (!extras.isEmpty()) {
            Map<String, List<String>> optional = normalisedLists(project.table("optional-dependencies").orElse(null),
                    "optional-dependencies");
            for (String extra : extras) {
                List<String> deps = optional.get(ProjectName.canonicalize(extra));
                if (deps == null) {
                    throw new BadInputException(file + " has no extra \"" + extra + "\" in [project.optional-dependencies]"
                            + known(optional) + "; check --extra");
                }
                deps.forEach(d -> out.add(entry(d, "[project.optional-dependencies]")));
            }
        }
        groups(groups, out);
        return out;
    }

    private void groups(List<String> groups, List<RequirementsFileEntry> out) {
        if (groups.isEmpty()) {
            return;
        }
        TomlTable table = doc.table("dependency-groups").orElse(null);
        Map<String, List<Object>> all = new LinkedHashMap<>();
        if (table != null) {
            table.asMap().forEach((k, v) -> {
                if (!(v instanceof List<?> l)) {
                    throw table.wrongType(k, "an array");
                }
                all.put(ProjectName.canonicalize(k), new ArrayList<>(l));
            });
        }
        for (String g : groups) {
            expandGroup(ProjectName.canonicalize(g), g, all, new ArrayDeque<>(), out);
        }
    }

    /** PEP 735: a group's strings are requirements; {@code {include-group = "name"}} includes another group. */
    private void expandGroup(String group, String asGiven, Map<String, List<Object>> all, Deque<String> including,
                             List<RequirementsFileEntry> out) {
        List<Object> items = all.get(group);
        if (items == null) {
            throw new BadInputException(file + " has no dependency group \"" + asGiven + "\" in [dependency-groups]"
                    + known(all) + (including.isEmpty() ? "; check --group" : " (included from \"" + including.peek() + "\")"));
        }
        if (including.contains(group)) {
            List<String> chain = new ArrayList<>(including);
            java.util.Collections.reverse(chain);
            chain.add(group);
            throw new BadInputException(file + ": dependency group \"" + group + "\" includes itself ("
                    + String.join(" -> ", chain) + "); remove one of the include-group entries");
        }
        including.push(group);
        for (Object item : items) {
            if (item instanceof String s) {
                out.add(entry(s, "[dependency-groups]." + group));
            } else if (item instanceof Map<?, ?> m && m.get("include-group") instanceof String inc) {
                expandGroup(ProjectName.canonicalize(inc), inc, all, including, out);
            } else {
                throw new BadInputException(file + ": [dependency-groups]." + group + " holds " + item
                        + ", which is neither a requirement string nor {include-group = \"...\"} (PEP 735); fix the entry");
            }
        }
        including.pop();
    }

    private Map<String, List<String>> normalisedLists(TomlTable table, String name) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (table != null) {
            for (String k : table.asMap().keySet()) {
                out.put(ProjectName.canonicalize(k), table.strings(k));
            }
        }
        return out;
    }

    private static String known(Map<String, ?> names) {
        return names.isEmpty() ? " (it defines none)" : " (it defines " + String.join(", ", names.keySet()) + ")";
    }

    private RequirementsFileEntry entry(String dep, String where) {
        int line = lineOf(dep);
        try {
            return new RequirementsFileEntry(Requirement.parse(dep), file, line, List.of());
        } catch (InvalidRequirementException e) {
            throw new BadInputException(file + ":" + line + ": " + where + " holds \"" + dep + "\", which is not a PEP 508 "
                    + "requirement (" + e.getMessage() + "); fix it", e);
        }
    }

    /** The 1-based line where the dependency string is written (its first quoted occurrence), or 0. */
    private int lineOf(String dep) {
        int at = text.indexOf("\"" + dep + "\"");
        if (at < 0) {
            at = text.indexOf("'" + dep + "'");
        }
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
