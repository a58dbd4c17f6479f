package dev.querybudget.sink;

import dev.querybudget.ScopeReport;

import java.util.Objects;

/**
 * A test's scope, finished.
 *
 * @param report  what the test's scope saw; its name is the test's
 * @param traceId the trace the test ran in, when a tracer was active; else {@code null}
 * @param spanId  the span the test ran in, when a tracer was active; else {@code null}
 * @since 0.2.0
 */
public record FinishedTest(ScopeReport report, String traceId, String spanId) implements FinishedScope {

    public FinishedTest {
        Objects.requireNonNull(report, "report");
    }
}
