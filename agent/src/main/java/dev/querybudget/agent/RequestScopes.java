package dev.querybudget.agent;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.spi.Failures;
import dev.querybudget.spi.RouteTemplates;

import java.util.List;

/**
 * A scope per HTTP request, opened by the outermost servlet or filter on the thread and closed when it returns;
 * its report goes to the {@link Sinks}.
 */
final class RequestScopes {

    private final QueryBudgetSettings settings;
    private final List<String> ignoreUrls;
    private final Sinks sinks;
    private final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);
    private volatile ThreadScopes threadScopes;

    RequestScopes(ResolvedSettings options, Sinks sinks) {
        this.ignoreUrls = options.get(Settings.IGNORE_URLS);
        this.sinks = sinks;
        this.settings = options.scopeSettings();
    }

    QueryBudgetSettings settings() {
        return settings;
    }

    /** Reports statements outside requests per thread from now on ({@code outside-requests=per-thread}). */
    void reportOutsideRequests(ThreadScopes scopes) {
        threadScopes = scopes;
    }

    void enter(Object request) {
        State current = state.get();
        if (current.depth++ > 0) {
            return;
        }
        try {
            ThreadScopes outside = threadScopes;
            if (outside != null) {
                outside.report(Thread.currentThread()); // the thread's work before this request is its own report
            }
            String method = Routes.method(request);
            current.scope = QueryRecorder.open(method + " " + Routes.route(request), settings);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("opening a request scope", failure);
        }
    }

    void exit(Object request, Object response) {
        State current = state.get();
        if (--current.depth > 0) {
            return;
        }
        QueryScope scope = current.scope;
        current.scope = null;
        state.remove();
        if (scope == null) {
            return;
        }
        try {
            String method = Routes.method(request);
            String route = Routes.route(request);
            scope.rename(method + " " + route);
            ScopeReport report = scope.finish();
            if (!RouteTemplates.matchesAny(route, ignoreUrls)) {
                sinks.publish(report, method, route);
            }
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("reporting a request", failure);
        }
    }

    private static final class State {
        int depth;
        QueryScope scope;
    }
}
