package dev.layerfit.python.sdist;

import java.nio.file.Path;
import java.util.List;

/**
 * Installs a build's requirements (PEP 518 {@code requires} and the backend's {@code get_requires_for_build_wheel})
 * for the local Python into a fresh folder that the frontend puts first on {@code sys.path}: resolved from the same
 * index as the project and installed by layerfit's own wheel installer.
 */
public interface BuildRequirementsInstaller {

    /**
     * @param requirements PEP 508 strings
     * @param site         a folder that does not exist yet; the packages go directly in it
     * @throws SdistBuildException when a requirement cannot be resolved or installed (a backend not on the index)
     */
    void install(List<String> requirements, LocalPython python, Path site, String sdistLabel);
}
