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

    /** Runs {@code work} on {@code executor}; then {@code onResult} or {@code onError} on the FX thread. */
    public static <T> CompletableFuture<T> supply(Executor executor, Supplier<T> work, Consumer<T> onResult,
                                                  Consumer<Throwable> onError) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, executor);
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
