package dev.layerfit.python.install;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link WheelInstaller#install} wrote.
 *
 * @param layerRoot the folder to zip as the layer (holds {@code python/...})
 * @param siteDir   the site folder inside it, where packages went
 * @param wheels    each wheel installed, in the order given
 * @param notes     things left out or shared, one sentence each (e.g. a wheel's {@code .data/scripts})
 */
public record InstallResult(Path layerRoot, Path siteDir, List<InstalledWheel> wheels, List<String> notes) {
}
