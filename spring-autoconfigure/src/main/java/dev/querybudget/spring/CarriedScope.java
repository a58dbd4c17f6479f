package dev.querybudget.spring;

import dev.querybudget.QueryScope;
import dev.querybudget.request.ScopeCarrier;

/**
 * The request's scope on the threads that run the request's dispatches, where context propagation captures it
 * ({@link QueryScopeAccessor}): core's lifecycle tells this carrier when a dispatch's thread starts and stops counting
 * for the request. A JDK type in the thread-local, so a pooled thread's entry pins no class.
 */
final class CarriedScope implements ScopeCarrier {

    static final CarriedScope INSTANCE = new CarriedScope();

    private static final ThreadLocal<QueryScope> CURRENT = new ThreadLocal<>();

    private CarriedScope() {
    }

    /** The scope the current thread counts statements for, as a request's dispatch or a task carried from one. */
    static QueryScope current() {
        return CURRENT.get();
    }

    /** Makes {@code scope} count the current thread's statements, in place of the one it counted for. */
    static void carry(QueryScope scope) {
        QueryScope previous = CURRENT.get();
        if (previous == scope) {
            return;
        }
        if (previous != null) {
            previous.detachFromCurrentThread();
        }
        if (scope == null) {
            CURRENT.remove();
        } else {
            scope.attachToCurrentThread();
            CURRENT.set(scope);
        }
    }

    @Override
    public void attached(QueryScope scope) {
        CURRENT.set(scope);
    }

    @Override
    public void detached(QueryScope scope) {
        if (CURRENT.get() == scope) {
            CURRENT.remove();
        }
    }
}
