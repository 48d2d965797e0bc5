package dev.layerfit.check;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;

/**
 * How to check a deployment.
 *
 * @param remote  opens artifacts published in AWS, or null to refuse them (each then needs a local copy)
 * @param opening progress: called once with the number of artifacts to measure; the {@code Runnable} it returns
 *                runs (on any thread) as each one is measured
 * @param executor where artifacts are measured (bounded, for many remote reads at once)
 */
public record CheckOptions(RemoteOpener remote, IntFunction<Runnable> opening, Executor executor) {

    public static CheckOptions local() {
        return new CheckOptions(null, n -> () -> { });
    }

    /** Measuring on the common pool. */
    public CheckOptions(RemoteOpener remote, IntFunction<Runnable> opening) {
        this(remote, opening, ForkJoinPool.commonPool());
    }

    public CheckOptions {
        if (opening == null) {
            opening = n -> () -> { };
        }
        if (executor == null) {
            executor = ForkJoinPool.commonPool();
        }
    }
}
