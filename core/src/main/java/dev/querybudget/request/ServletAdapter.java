package dev.querybudget.request;

/**
 * What {@link RequestLifecycle} reads and does on a front's request and response, in the Servlet API's terms but
 * without its types: the agent implements it reflectively for {@code jakarta.servlet} and {@code javax.servlet}, the
 * Spring starter on {@code jakarta.servlet}. Stateless: one adapter serves every request. The lifecycle calls it
 * inside its own fail-open guard.
 *
 * @param <Q> the request type
 * @param <S> the response type
 * @since 0.2.0
 */
public interface ServletAdapter<Q, S> {

    /** The HTTP method as the request has it; {@code null} when it has none. */
    String method(Q request);

    /** The request's path within the application: its URI without the context path and the query. */
    String path(Q request);

    /** The route template the framework matched for the request ({@code /orders/{id}}), {@code null} when none. */
    String routeTemplate(Q request);

    /** A request attribute; the lifecycle keeps its state for the request in one. */
    Object attribute(Q request, String name);

    void setAttribute(Q request, String name, Object value);

    /** Whether the request went async in the dispatch that is returning ({@code ServletRequest.isAsyncStarted()}). */
    boolean isAsyncStarted(Q request);

    /**
     * Runs {@code onComplete} once the async request completes (an {@code AsyncListener.onComplete}, kept across a
     * restart of async processing).
     *
     * @return whether it could be registered
     */
    boolean onAsyncComplete(Q request, Runnable onComplete);

    /** The response status so far. */
    int status(S response);

    /** Whether the response is committed: its status and headers are sent. */
    boolean isCommitted(S response);

    /** Clears the response's buffered body, keeping status and headers; only called while it is not committed. */
    void resetBuffer(S response);
}
