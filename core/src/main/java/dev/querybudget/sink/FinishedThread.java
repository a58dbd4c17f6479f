package dev.querybudget.sink;

import dev.querybudget.ScopeReport;

import java.util.Objects;

/**
 * A thread's work outside HTTP requests (start-up, schedulers, consumers), finished: the agent's
 * {@code outside-requests=per-thread}.
 *
 * @param report  what the thread's scope saw; its name is {@code thread <name>}, digits folded
 * @param traceId the trace the work ran in, when a tracer was active; else {@code null}
 * @param spanId  the span the work ran in, when a tracer was active; else {@code null}
 * @since 0.2.0
 */
public record FinishedThread(ScopeReport report, String traceId, String spanId) implements FinishedScope {

    public FinishedThread {
        Objects.requireNonNull(report, "report");
    }
}
