package dev.querybudget.spi;

import dev.querybudget.internal.scope.ScopeRegistry;

/**
 * Carries the scopes the current thread counts for to the thread a task of its runs on, the way a context-propagation
 * library carries its context: {@link #capture()} where the task is handed over (an executor's {@code execute}, a
 * {@code Thread.start}), then, around the task on the other thread, {@link #attach(Object)} and, in a
 * {@code finally}, {@link #restore(Object)}. While attached, the other thread's statements count in the captured
 * scopes and only in them; restoring puts back exactly what the thread counted for before, so a scope carried to a
 * pooled thread never outlives its task, and one the task left open goes with it.
 *
 * <p>The captured value is opaque and holds no thread; a scope finished meanwhile receives nothing. For QueryBudget's
 * own fronts (the agent's executor instrumentation); see the {@linkplain dev.querybudget.spi package} for its
 * stability.
 *
 * @since 0.2.0
 */
public final class CarriedScopes {

    private CarriedScopes() {
    }

    /** The current thread's open scopes, or {@code null} when it has none (a cheap check: capture nothing then). */
    public static Object capture() {
        return ScopeRegistry.get().captureOwn();
    }

    /**
     * Makes the current thread count for {@code captured} (from {@link #capture()}) instead of its own scopes.
     *
     * @return what the thread counted for before, to hand to {@link #restore(Object)} when the task ends
     */
    public static Object attach(Object captured) {
        return ScopeRegistry.get().swapOwn((Object[]) captured);
    }

    /** Puts back what the current thread counted for before {@link #attach(Object)} returned {@code previous}. */
    public static void restore(Object previous) {
        ScopeRegistry.get().swapOwn((Object[]) previous);
    }
}
