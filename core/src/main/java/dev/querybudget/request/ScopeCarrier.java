package dev.querybudget.request;

import dev.querybudget.QueryScope;

/**
 * The hook for carrying a request's scope to the other threads its work runs on — a {@code Callable} on an MVC
 * executor, an {@code @Async} method, a {@code CompletableFuture} stage — so that their statements count in the
 * request. {@link RequestLifecycle} tells the carrier on which thread the request's scope counts statements and when
 * that stops; a carrier captures the scope there (a context-propagation {@code ThreadLocalAccessor}, an executor
 * wrapper) and, on the other thread, brackets the work with {@link QueryScope#attachToCurrentThread()} and
 * {@link QueryScope#detachFromCurrentThread()}.
 *
 * <p>QueryBudget's fronts do not carry scopes to other threads yet: their lifecycle uses {@link #NONE}, and the
 * statements of such threads are not counted in the request.
 *
 * @since 0.2.0
 */
public interface ScopeCarrier {

    /** Carries nothing. */
    ScopeCarrier NONE = new ScopeCarrier() {
    };

    /** On a dispatch's thread, once the request's {@code scope} counts the thread's statements. */
    default void attached(QueryScope scope) {
    }

    /** On the same thread, as the dispatch returns and the scope stops counting the thread's statements. */
    default void detached(QueryScope scope) {
    }
}
