package dev.layerfit.python.index;

import java.time.Duration;

/**
 * How often an HTTP request is tried on a connect error, a 5xx or a 429, and the first back-off delay
 * (doubled after each failure: base, 2·base, 4·base, …).
 *
 * @param attempts  tries in all, at least 1
 * @param baseDelay the delay after the first failure
 */
public record RetryPolicy(int attempts, Duration baseDelay) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Three tries, 0.2 s then 0.4 s apart. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(200));
    }

    /** The delay before try number {@code attempt + 1} (attempt counts from 1). */
    Duration delayAfter(int attempt) {
        return baseDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
