package dev.querybudget.spring;

import dev.querybudget.QueryRecorder;
import dev.querybudget.request.RequestLifecycle;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.sink.ScopeSink;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Core's request lifecycle as a servlet filter, on every request, async and error dispatch: a scope per request,
 * named {@code METHOD route} from Spring MVC's route template, finished after its last dispatch whether it returned or
 * threw (the exception goes on to the container unchanged), and published to the sinks. The response is never
 * buffered: the count header is set just before the response commits, and throw mode fails a synchronous request
 * only while its response is not committed ({@link BeforeCommitResponse}).
 */
final class RequestScopeFilter implements Filter {

    private final RequestLifecycle<HttpServletRequest, HttpServletResponse> lifecycle;
    private final String header;
    private final boolean throwMode;

    RequestScopeFilter(ResolvedSettings settings, ScopeSink sink) {
        RequestLifecycle<HttpServletRequest, HttpServletResponse> requests = RequestLifecycle.of(
                JakartaServlets.INSTANCE, settings.scopeSettings(), settings.get(Settings.IGNORE_URLS), sink)
                .carryingWith(CarriedScope.INSTANCE);
        this.throwMode = settings.get(Settings.MODE).equals("throw");
        this.lifecycle = throwMode
                ? requests.failingAtTheStatement()
                        .failingWith(report -> report.hasFindings() ? new QueryBudgetException(report) : null)
                : requests;
        this.header = settings.get(Settings.RESPONSE_HEADER_ENABLED) ? settings.get(Settings.RESPONSE_HEADER_NAME)
                : null;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response) || QueryRecorder.isAgentAttached()) {
            chain.doFilter(servletRequest, servletResponse); // with the agent, it opens the request's scope: once
            return;
        }
        lifecycle.enter(request);
        HttpServletResponse passed = (header != null || throwMode)
                && request.getDispatcherType() == DispatcherType.REQUEST ? new BeforeCommitResponse(response, header,
                () -> lifecycle.statementsSoFar(request), throwMode) : response;
        Throwable thrown = null;
        try {
            chain.doFilter(request, passed);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            thrown = failure;
            throw failure;
        } finally {
            exit(request, passed, thrown);
        }
    }

    /** May throw {@link QueryBudgetException} in throw mode, only when the chain itself did not throw. */
    private void exit(HttpServletRequest request, HttpServletResponse response, Throwable thrown) {
        BeforeCommitResponse before = BeforeCommitResponse.find(response);
        if (before != null) {
            before.dispatchReturned(request.isAsyncStarted());
        }
        lifecycle.exit(request, response, thrown);
    }
}
