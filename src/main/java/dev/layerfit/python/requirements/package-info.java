/**
 * Where a Python project's requirements come from, read into one shape (after uv's {@code uv-requirements} crate):
 * pip's command line ({@link dev.layerfit.python.requirements.RequirementsInput}: {@code -r}, {@code -c}, specifiers,
 * standard input), pip requirements files, {@code pyproject.toml} (PEP 621 dependencies and extras, PEP 735 groups),
 * and locks taken as they are: {@code uv.lock}, {@code poetry.lock}, {@code Pipfile.lock} and {@code pylock.toml}
 * (PEP 751), their markers evaluated for the target ({@link dev.layerfit.python.requirements.LockTarget}). The resolve
 * flow ({@code lock}), the builders ({@code pipeline}) and the framework readers consume
 * {@link dev.layerfit.python.requirements.ReadRequirements}; nothing here touches an index.
 */
package dev.layerfit.python.requirements;
