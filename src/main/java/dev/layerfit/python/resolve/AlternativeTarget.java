package dev.layerfit.python.resolve;

/**
 * Another target a user could choose (a Lambda runtime and architecture), named as the user would name it:
 * when a version has no wheel for the resolution's target, the explanation lists the alternatives its wheels fit.
 *
 * @param runtime the runtime's name, e.g. {@code python3.13}
 * @param arch    the architecture as Lambda names it, {@code x86_64} or {@code arm64}
 * @param target  the interpreter and tags of that runtime on that architecture
 */
public record AlternativeTarget(String runtime, String arch, ResolveTarget target) {
}
