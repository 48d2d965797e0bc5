/**
 * The {@code resolve} flow end to end: requirements files and a target in, a hash-pinned {@link dev.layerfit.lock.Lock}
 * out ({@link dev.layerfit.lock.Locker}), written as a pip-compatible lock file ({@link dev.layerfit.lock.LockFileWriter}).
 * It joins {@code python.index} (where packages come from) to {@code python.resolve} (which versions), so that the
 * resolver itself never depends on the index client and stays testable with in-memory sources.
 */
package dev.layerfit.lock;
