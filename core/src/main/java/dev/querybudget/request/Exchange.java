package dev.querybudget.request;

import dev.querybudget.QueryScope;
import dev.querybudget.meter.TagValues;
import dev.querybudget.spi.RouteTemplates;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request from its first dispatch to its end, kept in a request attribute so that its later dispatches (the error
 * page, an async dispatch) find it, whichever thread runs them.
 */
final class Exchange<S> {

    final QueryScope scope;
    /** Folded: {@code GET}… or {@code OTHER}, read on the first dispatch, where no wrapper hides it. */
    final String method;
    final String path;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String template;
    private volatile S response;
    private volatile Throwable thrown;
    private volatile boolean completionHooked;
    private volatile boolean wentAsync;

    Exchange(QueryScope scope, String method, String path) {
        this.scope = scope;
        this.method = method;
        this.path = path;
    }

    /** What a dispatch leaves behind as it returns: the route template, the response, the exception it threw. */
    void dispatched(String routeTemplate, S dispatchResponse, Throwable dispatchThrew) {
        if (template == null && routeTemplate != null) {
            template = routeTemplate;
        }
        if (response == null) {
            response = dispatchResponse;
        }
        if (thrown == null) {
            thrown = dispatchThrew;
        }
    }

    S response() {
        return response;
    }

    Throwable thrown() {
        return thrown;
    }

    /** The route as people read it: the template, or the path with id-like segments folded. */
    String route() {
        return template != null && !template.isEmpty() ? template : RouteTemplates.fold(path);
    }

    String uri(int status) {
        return TagValues.uri(template, status, path);
    }

    boolean isFinished() {
        return finished.get();
    }

    /** {@code true} for the one call that finishes the request. */
    boolean markFinished() {
        return finished.compareAndSet(false, true);
    }

    /** Whether a dispatch of the request started async processing. */
    boolean wentAsync() {
        return wentAsync;
    }

    /**
     * Notes that the request went async; {@code true} for the one call that should register the completion
     * listener.
     */
    boolean hookCompletion() {
        wentAsync = true;
        if (completionHooked) {
            return false;
        }
        completionHooked = true;
        return true;
    }
}
