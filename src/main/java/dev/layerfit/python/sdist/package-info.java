/**
 * Building a wheel from a source distribution (PEP 517) when a locked or resolved package has no wheel for the
 * target: the sdist's build requirements installed from the index, its backend run by a local Python. Named for what
 * it builds from, not "build" (which tools and readers take for a build-output folder).
 */
package dev.layerfit.python.sdist;
