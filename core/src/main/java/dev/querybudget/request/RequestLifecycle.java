package dev.querybudget.request;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.meter.RequestOutcome;
import dev.querybudget.meter.TagValues;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.ScopeSink;
import dev.querybudget.spi.Failures;
import dev.querybudget.spi.RouteTemplates;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The life of an HTTP request's scope, which a front drives from its outermost servlet filter or advice: call
 * {@link #enter} as a dispatch starts and {@link #exit} as it returns, on every dispatch (request, async, error),
 * however deeply filters and servlets nest; only the outermost call of a thread counts.
 *
 * <ul>
 *   <li>The request's first dispatch opens its scope, named {@code METHOD path} until the route is known.</li>
 *   <li>When its last dispatch returns — with or without an exception — the scope finishes, named
 *       {@code METHOD route}, and unless the route is an ignored URL a {@link FinishedRequest} goes to the sink: the
 *       folded method, the {@code uri} tag, the route, the status (500 when the dispatch threw) and the outcome, the
 *       exception's class name. The exception itself is the front's to rethrow, unchanged.</li>
 *   <li>The container's error page (a second dispatch for a request that failed or sent an error) belongs to the
 *       request already reported: it is not counted again, and its own statements are not counted. An error
 *       dispatch of a request no filter saw before is reported as that request.</li>
 *   <li>An async request ({@code isAsyncStarted()} as a dispatch returns) keeps its scope open: the thread is handed
 *       back, the async dispatch counts in the same scope on its own thread, and the request finishes when its last
 *       dispatch returns or, at the latest, when it completes ({@code AsyncListener.onComplete}). Work on threads
 *       outside the dispatches is counted only through a {@link ScopeCarrier}.</li>
 * </ul>
 *
 * <p>Fail-open: nothing here throws into the application, except the failure of {@link #failingWith} by design.
 *
 * @param <Q> the front's request type
 * @param <S> the front's response type
 * @since 0.2.0
 */
public final class RequestLifecycle<Q, S> {

    private final ServletAdapter<Q, S> adapter;
    private final QueryBudgetSettings settings;
    private final List<String> ignoreUrls;
    private final ScopeSink sink;
    private final Function<ScopeReport, ? extends RuntimeException> failure;
    private final ScopeCarrier carrier;
    private final boolean failAtStatement;
    /** The request attribute with the request's {@link Exchange}: one per lifecycle, never another's. */
    private final String key = RequestLifecycle.class.getName() + "@" + Integer.toHexString(
            System.identityHashCode(this));
    /** How deep in dispatches, filters and servlets each thread is: only the outermost call counts. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    private RequestLifecycle(ServletAdapter<Q, S> adapter, QueryBudgetSettings settings, List<String> ignoreUrls,
                             ScopeSink sink, Function<ScopeReport, ? extends RuntimeException> failure,
                             ScopeCarrier carrier, boolean failAtStatement) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ignoreUrls = List.copyOf(ignoreUrls);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.failure = failure;
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.failAtStatement = failAtStatement;
    }

    /**
     * A lifecycle that opens request scopes with {@code settings}, leaves out the routes of {@code ignoreUrls} (the
     * setting {@code ignore-urls}) and publishes every other finished request to {@code sink}.
     */
    public static <Q, S> RequestLifecycle<Q, S> of(ServletAdapter<Q, S> adapter, QueryBudgetSettings settings,
                                                   List<String> ignoreUrls, ScopeSink sink) {
        return new RequestLifecycle<>(adapter, settings, ignoreUrls, sink, null, ScopeCarrier.NONE, false);
    }

    /**
     * The same lifecycle failing a request: when a request that did not throw ends synchronously and
     * {@code failure} turns its report into an exception (else {@code null}), and its response is not committed yet,
     * the response's buffer is reset, the request is reported with status 500 and that exception, and {@link #exit}
     * throws it. A committed response, or an async request, is only reported.
     */
    public RequestLifecycle<Q, S> failingWith(Function<ScopeReport, ? extends RuntimeException> failure) {
        return new RequestLifecycle<>(adapter, settings, ignoreUrls, sink, Objects.requireNonNull(failure, "failure"),
                carrier, failAtStatement);
    }

    /**
     * The same lifecycle failing a request at the statement that makes a finding fire, during its first dispatch:
     * the JDBC call throws {@link dev.querybudget.QueryBudgetExceededException} inside the application's transaction,
     * which rolls back, so nothing the request wrote is committed ({@link QueryScope#failOnFindings(boolean)}). Later
     * dispatches of an async request, which write its body, only report.
     */
    public RequestLifecycle<Q, S> failingAtTheStatement() {
        return new RequestLifecycle<>(adapter, settings, ignoreUrls, sink, failure, carrier, true);
    }

    /** The same lifecycle telling {@code carrier} where request scopes count statements. */
    public RequestLifecycle<Q, S> carryingWith(ScopeCarrier carrier) {
        return new RequestLifecycle<>(adapter, settings, ignoreUrls, sink, failure, carrier, failAtStatement);
    }

    /**
     * A dispatch of {@code request} starts on this thread.
     *
     * @return whether the request's scope now counts this thread's statements: {@code false} for a nested call, and
     *         for the error page of a request already reported
     */
    public boolean enter(Q request) {
        if (depth.get()[0]++ > 0) {
            return false;
        }
        try {
            if (adapter.attribute(request, key) instanceof Exchange<?> exchange) {
                if (exchange.isFinished()) {
                    return false;
                }
                // A later dispatch (async) writes the body: its findings are reported, never thrown.
                exchange.scope.failOnFindings(false);
                exchange.scope.attachToCurrentThread();
                carrier.attached(exchange.scope);
                return true;
            }
            String method = TagValues.method(adapter.method(request));
            String path = adapter.path(request);
            QueryScope scope = QueryRecorder.open(method + " " + path, settings);
            if (failAtStatement) {
                scope.failOnFindings(true);
            }
            try {
                adapter.setAttribute(request, key, new Exchange<S>(scope, method, path));
            } catch (RuntimeException | LinkageError failed) {
                scope.finish(); // no later dispatch could find it: it must not stay open on this thread
                throw failed;
            }
            carrier.attached(scope);
            return true;
        } catch (RuntimeException | LinkageError failed) {
            Failures.report("opening a request scope", failed);
            return false;
        }
    }

    /**
     * The dispatch of {@code request} that {@link #enter} started returns, having thrown {@code thrown} (else
     * {@code null}).
     *
     * @return the finished request, when this call finished it and its route is not ignored; else {@code null}
     * @throws RuntimeException only the exception of {@link #failingWith}, by design
     */
    public FinishedRequest exit(Q request, S response, Throwable thrown) {
        int[] calls = depth.get();
        if (--calls[0] > 0) {
            return null;
        }
        calls[0] = 0;
        Verdict verdict;
        try {
            if (!(adapter.attribute(request, key) instanceof Exchange<?> found) || found.isFinished()) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Exchange<S> exchange = (Exchange<S>) found;
            exchange.dispatched(adapter.routeTemplate(request), response, thrown);
            carrier.detached(exchange.scope);
            exchange.scope.detachFromCurrentThread();
            if (adapter.isAsyncStarted(request)) {
                if (exchange.hookCompletion()) {
                    adapter.onAsyncComplete(request, () -> complete(exchange));
                }
                return null;
            }
            verdict = finish(exchange, thrown == null && !exchange.wentAsync());
        } catch (RuntimeException | LinkageError failed) {
            Failures.report("finishing a request scope", failed);
            return null;
        }
        if (verdict != null && verdict.failure() != null) {
            throw verdict.failure();
        }
        return verdict == null ? null : verdict.request();
    }

    /** The statements {@code request}'s scope has counted so far, for a header set before the response commits. */
    public long statementsSoFar(Q request) {
        try {
            return adapter.attribute(request, key) instanceof Exchange<?> exchange ? exchange.scope.counts().total()
                    : 0;
        } catch (RuntimeException | LinkageError failed) {
            Failures.report("counting a request's statements", failed);
            return 0;
        }
    }

    /** The async request completed: finished here unless its last dispatch finished it. */
    private void complete(Exchange<S> exchange) {
        try {
            finish(exchange, false);
        } catch (RuntimeException | LinkageError failed) {
            Failures.report("finishing an async request scope", failed);
        }
    }

    private Verdict finish(Exchange<S> exchange, boolean mayFail) {
        if (!exchange.markFinished()) {
            return null;
        }
        S response = exchange.response();
        Throwable thrown = exchange.thrown();
        int status = adapter.status(response);
        if (thrown != null && status < 400) {
            status = 500; // what the container answers once the exception reaches it
        }
        String route = exchange.route();
        exchange.scope.rename(exchange.method + " " + route);
        ScopeReport report = exchange.scope.finish();
        if (RouteTemplates.matchesAny(route, ignoreUrls)) {
            return null;
        }
        RuntimeException failed = null;
        if (mayFail && failure != null && !adapter.isCommitted(response)) {
            failed = failure.apply(report);
            if (failed != null) {
                adapter.resetBuffer(response);
                status = 500;
                thrown = failed;
            }
        }
        FinishedRequest request = new FinishedRequest(report, exchange.method, exchange.uri(status), route, status,
                RequestOutcome.of(status), thrown == null ? null : rootCause(thrown).getClass().getName(), null, null);
        try {
            sink.accept(request);
        } catch (RuntimeException | LinkageError sinkFailed) {
            Failures.report("publishing a request's scope", sinkFailed);
        }
        return new Verdict(request, failed);
    }

    /** The application's exception inside a container's {@code ServletException}. */
    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getClass().getSimpleName().endsWith("ServletException")) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Verdict(FinishedRequest request, RuntimeException failure) {
    }
}
