package dev.layerfit.python.index;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs the work for a key once even when several threads ask at the same time; the others wait for its
 * result. A failure is handed to every waiter and forgotten, so a later call tries again.
 */
final class OnceMap<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> results = new ConcurrentHashMap<>();

    V get(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = results.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                V value = work.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                results.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("interrupted while waiting for a fetch; run again", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        }
    }
}
