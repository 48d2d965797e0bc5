package dev.layerfit.python.install;

import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.PythonRuntime;

/**
 * Where a layer's packages go inside the layer zip: {@code python/} (the default, on every Python runtime's
 * path) or {@code python/lib/python3.X/site-packages/} ({@code --layout site-packages}, only on that version's path).
 *
 * @param sitePrefix the site folder relative to the layer root, without a trailing '/' ("" for the root)
 */
public record LayerLayout(String sitePrefix) {

    /** {@code python/}. */
    public static LayerLayout python() {
        return new LayerLayout("python");
    }

    /**
     * The artifact's root: a function package, where aws-lambda-builders' {@code python_pip} workflow installs
     * requirements ({@code sam build}).
     */
    public static LayerLayout root() {
        return new LayerLayout("");
    }

    /** {@code python/lib/python3.X/site-packages/} for the runtime's Python version. */
    public static LayerLayout sitePackages(PythonRuntime runtime) {
        return new LayerLayout(runtime.layerSitePackages());
    }

    /** From {@code --layout python|site-packages}. */
    public static LayerLayout parse(String name, PythonRuntime runtime) {
        return switch (name == null ? "python" : name) {
            case "python" -> python();
            case "site-packages" -> sitePackages(runtime);
            default -> throw new BadInputException("unknown layout '" + name + "'; use --layout python or --layout site-packages");
        };
    }

    /** The layer-relative path of a site-relative one. */
    public String inLayer(String sitePath) {
        return sitePrefix.isEmpty() ? sitePath : sitePrefix + "/" + sitePath;
    }
}
