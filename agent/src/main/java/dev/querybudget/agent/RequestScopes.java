package dev.querybudget.agent;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.request.RequestLifecycle;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;

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

    void enter(Object request) {
        if (lifecycle.enter(request)) {
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
