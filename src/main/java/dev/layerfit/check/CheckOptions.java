package dev.layerfit.check;

import java.util.function.IntFunction;

/**
 * How to check a deployment.
 *
 * @param remote  opens artifacts published in AWS, or null to refuse them (each then needs a local copy)
 * @param opening progress: called once with the number of artifacts to measure; the {@code Runnable} it returns
 *                runs (on any thread) as each one is measured
 */
public record CheckOptions(RemoteOpener remote, IntFunction<Runnable> opening) {

    public static CheckOptions local() {
        return new CheckOptions(null, n -> () -> { });
    }

    public CheckOptions {
        if (opening == null) {
            opening = n -> () -> { };
        }
    }
}
