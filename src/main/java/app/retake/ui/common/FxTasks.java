package app.retake.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;

/** Runs work off the FX thread and hands the outcome back on it. */
public final class FxTasks {

    private FxTasks() {
    }

    /**
     * Runs {@code work} on {@code executor}; then {@code onResult} or {@code onError} on the FX thread. Once the
     * executor has been shut down (the window is closing) the work is skipped and neither is called.
     */
    public static <T> CompletableFuture<T> supply(Executor executor, Supplier<T> work, Consumer<T> onResult,
                                                  Consumer<Throwable> onError) {
        CompletableFuture<T> future;
        try {
            future = CompletableFuture.supplyAsync(work, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The executor is shut down: the window is closing, and nobody is left to show the outcome.
            return CompletableFuture.failedFuture(e);
        }
        future.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error == null) {
                onResult.accept(value);
            } else {
                onError.accept(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        }));
        return future;
    }
}
