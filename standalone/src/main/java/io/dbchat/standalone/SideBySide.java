package io.dbchat.standalone;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** The results of starts that ran side by side, read once every one has settled. */
final class SideBySide {

    private SideBySide() {
    }

    /**
     * Hands each start's result to {@code started}, in order (a null start is skipped), whether or not others failed,
     * so the caller can close what did start; then throws the first failure, the later ones suppressed in it.
     */
    static <T> void collect(List<? extends Future<? extends T>> starts, Consumer<? super T> started, String what) {
        RuntimeException failure = null;
        for (var start : starts) {
            if (start == null) {
                continue;
            }
            try {
                started.accept(start.get());
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + what, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
