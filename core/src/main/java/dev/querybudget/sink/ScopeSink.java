package dev.querybudget.sink;

import dev.querybudget.meter.MeterRecorder;

import java.nio.file.Path;
import java.util.List;

/**
 * Receives every scope a front finishes: each HTTP request once, after its last dispatch, with or without
 * findings. Implement it to send QueryBudget's reports somewhere of your own; with the Spring starter, declare it as a
 * bean; with the agent, list it in {@code META-INF/services/dev.querybudget.sink.ScopeSink} on the application's class
 * path.
 *
 * <p>{@link #accept} runs on the thread that finished the scope, after the request's last dispatch: keep it short, or
 * hand the work on. It must not throw; if it does, the failure is logged once and goes no further — never to the
 * application, never to the other sinks.
 *
 * <pre>{@code
 * public final class SlowQuerySink implements ScopeSink {
 *     public void accept(FinishedScope scope) {
 *         if (scope instanceof FinishedRequest request && request.report().hasFindings()) {
 *             alerts.send(request.route(), request.report().format());
 *         }
 *     }
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface ScopeSink {

    /** Does nothing. */
    ScopeSink NONE = scope -> {
    };

    /** Receives a finished scope. Must not throw. */
    void accept(FinishedScope scope);

    /**
     * One sink that hands each scope to every one of {@code sinks}, in order. A sink that throws is logged once (logger
     * {@code dev.querybudget}) and skipped: the others still receive the scope, and the caller never sees the failure.
     */
    static ScopeSink composite(List<? extends ScopeSink> sinks) {
        return new CompositeSink(sinks);
    }

    /**
     * Appends one JSON line per finding of each scope with findings to {@code file} (created if missing), as
     * {@link dev.querybudget.report.JsonRenderer} renders it with {@code timestamp} first and, for a request,
     * {@code method} and {@code route}. A scope's lines are written whole, in one write; a failure to write is logged
     * once and loses that scope's lines, never half a line.
     */
    static ScopeSink jsonLines(Path file) {
        return new JsonLinesSink(file);
    }

    /**
     * Records each finished request on the meters of {@link dev.querybudget.meter.MeterSchema}: the request's
     * statements on {@code querybudget.request.queries}, each finding on {@code querybudget.findings}. Scopes that
     * are not requests record nothing.
     */
    static ScopeSink meters(MeterRecorder recorder) {
        return new MeterSink(recorder);
    }
}
