package dev.querybudget.spi;

import dev.querybudget.internal.FailOpen;

/**
 * Where a front puts a failure of its own QueryBudget work (opening a scope, wrapping a connection, publishing a
 * report) so that it never reaches the application: the engine's fail-open log. Each distinct failure (the place and
 * the exception class) is logged once, with its stack trace, through {@link System.Logger} {@code dev.querybudget};
 * repeats are only counted.
 *
 * <p>For QueryBudget's own fronts and integrations; see the {@linkplain dev.querybudget.spi package} for its
 * stability.
 *
 * @since 0.2.0
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Records that QueryBudget failed while {@code doing} (worded to follow "failed while", e.g. "wrapping a
     * connection"); never throws. The caller then carries on without QueryBudget.
     */
    public static void report(String doing, Throwable failure) {
        FailOpen.report(doing, failure);
    }
}
