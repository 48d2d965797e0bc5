package dev.layerfit.inventory;

/**
 * What a file is, for "what takes the space" reports. Every file gets exactly one category from
 * {@link Categorizer}; the labels are part of the JSON contract.
 */
public enum Category {
    /** Compiled Python: {@code __pycache__/}, {@code *.pyc}, {@code *.pyo}. */
    BYTECODE("bytecode"),
    /** Test suites shipped inside packages ({@code numpy/core/tests/...}). */
    TESTS("tests"),
    /** Typing information: {@code *.pyi}, {@code py.typed}, TypeScript {@code *.d.ts}. */
    TYPE_STUBS("type-stubs"),
    /** Documentation, examples, benchmarks, licence and readme files outside metadata folders. */
    DOCS("docs"),
    /** Shared libraries and the auditwheel {@code *.libs/} folders. */
    NATIVE("native"),
    /** Installer metadata: {@code *.dist-info/}, {@code *.egg-info}, {@code package.json}. */
    METADATA("metadata"),
    /** Data files a package reads at run time (JSON, certificates, tables, ...). */
    PACKAGE_DATA("package-data"),
    /** Source or byte code that runs: {@code *.py}, {@code *.js}, {@code *.class}, jars. */
    CODE("code"),
    /** Anything else (C headers, Cython sources, executables in {@code bin/}, ...). */
    OTHER("other");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The name used in reports and JSON, e.g. {@code "package-data"}. */
    public String label() {
        return label;
    }
}
