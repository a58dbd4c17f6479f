package dev.querybudget.agent;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.request.RequestLifecycle;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.spi.CarriedScopes;

/**
 * The servlet advice's side of core's {@link RequestLifecycle}: a scope per HTTP request, from its outermost servlet
 * or filter to its last dispatch, published to the {@link Sinks}.
 */
final class RequestScopes {

    private final QueryBudgetSettings settings;
    private final RequestLifecycle<Object, Object> lifecycle;
    private volatile ThreadScopes threadScopes;

    RequestScopes(ResolvedSettings options, Sinks sinks) {
        this.settings = options.scopeSettings();
        this.lifecycle = RequestLifecycle.of(ReflectiveServlets.INSTANCE, settings, options.get(Settings.IGNORE_URLS),
                sinks::publish);
    }

    QueryBudgetSettings settings() {
        return settings;
    }

    /** Reports statements outside requests per thread from now on ({@code outside-requests=per-thread}). */
    void reportOutsideRequests(ThreadScopes scopes) {
        threadScopes = scopes;
    }

    /**
     * A request's dispatch starts: its thread counts for the request only. A server thread may have been started by
     * a request's thread, and carry that request's scopes for its whole life ({@link ThreadInstrumentation}):
     * the outermost dispatch drops them; a nested call leaves the thread's scopes as they were.
     */
    void enter(Object request) {
        Object carried = CarriedScopes.attach(null);
        if (!lifecycle.enter(request)) {
            CarriedScopes.restore(carried);
        } else {
            ThreadScopes outside = threadScopes;
            if (outside != null) {
                outside.report(Thread.currentThread()); // the thread's work before this request is its own report
            }
        }
    }

    void exit(Object request, Object response, Throwable thrown) {
        lifecycle.exit(request, response, thrown);
    }
}
