package dev.layerfit.python.install;

import java.nio.file.Path;

/**
 * One wheel as installed.
 *
 * @param wheel    the wheel file
 * @param distInfo its {@code .dist-info} folder name
 * @param files    the files written (RECORD and INSTALLER included)
 * @param bytes    their total size
 */
public record InstalledWheel(Path wheel, String distInfo, int files, long bytes) {
}
