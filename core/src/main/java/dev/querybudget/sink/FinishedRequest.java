package dev.querybudget.sink;

import dev.querybudget.ScopeReport;
import dev.querybudget.meter.RequestOutcome;
import dev.querybudget.meter.TagValues;

import java.util.Objects;

/**
 * An HTTP request's scope, finished: once per request, after its last dispatch (an error page or an async dispatch
 * is part of the request it belongs to).
 *
 * @param report    what the request's scope saw; its name is {@code method route}
 * @param method    the HTTP method, folded by {@link TagValues#method(String)}: {@code GET}… or {@code OTHER}
 * @param uri       the {@code uri} tag: the route template, or its fold by {@link TagValues#uri(String, int, String)}
 * @param route     the route as people read it: the route template, or the path with id-like segments folded
 *                  ({@code /orders/{id}}); for logs and JSON, never a metric tag
 * @param status    the response status (500 for a request that ended with an exception)
 * @param outcome   the class of the status
 * @param exception the class name of the exception the request ended with, {@code null} when it ended normally;
 *                  never its message
 * @param traceId   the trace the request ran in, when a tracer was active; else {@code null}
 * @param spanId    the span the request ran in, when a tracer was active; else {@code null}
 * @since 0.2.0
 */
public record FinishedRequest(ScopeReport report, String method, String uri, String route, int status,
                              RequestOutcome outcome, String exception, String traceId, String spanId)
        implements FinishedScope {

    public FinishedRequest {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(outcome, "outcome");
    }
}
