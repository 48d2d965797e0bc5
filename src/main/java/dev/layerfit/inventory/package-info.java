/**
 * What takes the space in an artifact: {@link dev.layerfit.inventory.Inventory#of} attributes every entry
 * of a {@link dev.layerfit.archive.ArtifactContents} to a distribution and a
 * {@link dev.layerfit.inventory.Category}, and {@link dev.layerfit.inventory.DuplicateFinder} finds what a
 * deployment carries twice.
 *
 * <p>Site roots (Lambda's documented layer paths): {@code python/},
 * {@code python/lib/python3.X/site-packages/}, {@code nodejs/node_modules/},
 * {@code nodejs/nodeNN/node_modules/}, {@code java/lib/}; in a function zip, the root and its
 * {@code node_modules/}. A file's runtime path is its path relative to its site root.
 *
 * <p>Attribution, first rule that applies: a {@code *.dist-info/RECORD} (or an egg-info's
 * {@code installed-files.txt}) listing the file, its paths resolved against the site root (so
 * {@code numpy.libs/} belongs to numpy and {@code ../../../bin/x} to its distribution); the metadata
 * folder the file is in; for unlisted bytecode, the owner of the sibling {@code .py}; the nearest folder
 * holding RECORD-listed files; {@code top_level.txt}; a file at the top of a function zip is
 * {@link dev.layerfit.inventory.Inventory#FUNCTION_CODE}; a distribution of the same normalised name;
 * else a pseudo-distribution named after the top-level folder or module (version null,
 * {@link dev.layerfit.inventory.AttributedBy#FOLDER}). Node.js packages come from {@code package.json},
 * jars from their file names, and files outside every site root from their top-level folder
 * ({@code bin/}). Nothing here uses a regular expression per entry.
 */
package dev.layerfit.inventory;
