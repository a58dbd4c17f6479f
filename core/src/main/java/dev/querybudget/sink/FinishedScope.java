package dev.querybudget.sink;

import dev.querybudget.ScopeReport;

/**
 * A scope that has finished, with its report and its context: an HTTP request ({@link FinishedRequest}), a test
 * ({@link FinishedTest}) or a thread's work outside requests ({@link FinishedThread}). Each kind carries only the
 * fields it has; {@code instanceof} tells them apart.
 *
 * @since 0.2.0
 */
public sealed interface FinishedScope permits FinishedRequest, FinishedTest, FinishedThread {

    /** What the scope saw: counts, shapes and findings. */
    ScopeReport report();

    /** The trace the scope ran in, when a tracer was active; else {@code null}. */
    String traceId();

    /** The span the scope ran in, when a tracer was active; else {@code null}. */
    String spanId();
}
