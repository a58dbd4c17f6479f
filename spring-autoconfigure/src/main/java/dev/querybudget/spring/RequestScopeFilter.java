package dev.querybudget.spring;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.spi.RouteTemplates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.List;

/**
 * A QueryBudget scope around each request, named {@code METHOD route} from the handler's route template. With the
 * response header on, or in throw mode, the body is buffered: the header can still be set when the count is known,
 * and a failing request sends its error instead of a half-sent body.
 */
final class RequestScopeFilter extends OncePerRequestFilter {

    private final RequestReporter reporter;
    private final QueryBudgetSettings settings;
    private final List<String> ignoreUrls;
    private final String header;

    RequestScopeFilter(ResolvedSettings resolved, RequestReporter reporter) {
        this.reporter = reporter;
        this.settings = resolved.scopeSettings();
        this.ignoreUrls = resolved.get(Settings.IGNORE_URLS);
        this.header = resolved.get(Settings.RESPONSE_HEADER_ENABLED) ? resolved.get(Settings.RESPONSE_HEADER_NAME)
                : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (QueryRecorder.isAgentAttached()) {
            chain.doFilter(request, response); // the agent opens the request's scope and reports it: once
            return;
        }
        // The body is held back when the header must still be set at the end, or the request may yet fail.
        ContentCachingResponseWrapper buffered = header != null || reporter.throwsOnFindings()
                ? new ContentCachingResponseWrapper(response) : null;
        QueryScope scope = QueryRecorder.open(request.getMethod() + " " + request.getRequestURI(), settings);
        ScopeReport report;
        String route;
        try {
            chain.doFilter(request, buffered == null ? response : buffered);
        } finally {
            route = route(request);
            scope.rename(request.getMethod() + " " + route);
            report = scope.finish(); // never throws: detection failures are logged and leave no findings
        }
        if (!RouteTemplates.matchesAny(route, ignoreUrls)) {
            // Before the body goes out, so that metrics and logs are there when the client has its response; in
            // throw mode this throws, and the held-back body is never sent.
            reporter.publish(report, request.getMethod(), route);
        }
        if (buffered != null) {
            if (header != null && !response.isCommitted()) {
                response.setHeader(header, Long.toString(report.counts().total()));
            }
            buffered.copyBodyToResponse();
        }
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String template && !template.isEmpty()) {
            return template;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RouteTemplates.fold(path);
    }

}
